package dev.jcompose.model.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One service of a resolved project, every short syntax already expanded to its long form.
 *
 * <p>Nullable fields are {@code null} when the compose file does not set them, so that the engine
 * can fall back to the image's defaults (e.g. {@code command == null} means "image CMD", while an
 * empty list means "explicitly empty"). Resource limits merge {@code mem_limit}/{@code cpus}/... with
 * {@code deploy.resources}; byte sizes are in bytes, CPU counts in nano-CPUs as docker does.
 */
public record Service(
    String name,
    String image,
    Map<String, Object> build,
    List<String> command,
    List<String> entrypoint,
    Map<String, String> environment,
    String workingDir,
    String user,
    List<String> groupAdd,
    String hostname,
    String domainname,
    String containerName,
    Map<String, String> labels,
    List<Port> ports,
    List<Expose> expose,
    List<ServiceVolume> volumes,
    List<String> tmpfs,
    Map<String, ServiceNetwork> networks,
    String networkMode,
    Map<String, Dependency> dependsOn,
    HealthCheck healthcheck,
    String restart,
    RestartPolicy deployRestartPolicy,
    Integer scale,
    Resources resources,
    List<String> capAdd,
    List<String> capDrop,
    boolean privileged,
    boolean readOnly,
    String stopSignal,
    Duration stopGracePeriod,
    boolean tty,
    boolean stdinOpen,
    Boolean init,
    Map<String, Ulimit> ulimits,
    List<String> extraHosts,
    List<String> dns,
    List<String> dnsSearch,
    List<String> dnsOpt,
    Map<String, String> sysctls,
    List<Device> devices,
    List<String> securityOpt,
    List<String> links,
    List<String> profiles,
    String pullPolicy,
    String platform,
    Long shmSize,
    String ipc,
    String pid,
    String macAddress,
    Map<String, Object> logging,
    List<ServiceFileRef> secrets,
    List<ServiceFileRef> configs,
    List<String> deviceCgroupRules) {

  /** A published port in long form; {@code published} is null or a port/range such as "8080-8081". */
  public record Port(
      String name, int target, String published, String hostIp, String protocol, String mode, String appProtocol) {}

  /** An {@code expose} entry: a port or range, optionally with "/proto". */
  public record Expose(String port) {}

  /**
   * A mount in long form. {@code type} is volume, bind, tmpfs, npipe, image or cluster. For binds
   * {@code source} is an absolute host path; for anonymous volumes {@code source} is null.
   */
  public record ServiceVolume(
      String type,
      String source,
      String target,
      boolean readOnly,
      String consistency,
      Boolean bindCreateHostPath,
      String bindPropagation,
      String bindSelinux,
      Boolean volumeNocopy,
      String volumeSubpath,
      Long tmpfsSize,
      Integer tmpfsMode) {}

  /** Per-network settings of a service; absent attributes are null/empty. */
  public record ServiceNetwork(
      List<String> aliases,
      String ipv4Address,
      String ipv6Address,
      String macAddress,
      Integer priority,
      Integer gwPriority,
      Map<String, String> driverOpts) {}

  /** {@code condition} is service_started, service_healthy or service_completed_successfully. */
  public record Dependency(String condition, boolean restart, boolean required) {}

  /**
   * {@code test} is the long form: ["NONE"], ["CMD", args...] or ["CMD-SHELL", cmd]; null means
   * "inherit the image's HEALTHCHECK". Durations are null when unset.
   */
  public record HealthCheck(
      List<String> test,
      Duration interval,
      Duration timeout,
      Integer retries,
      Duration startPeriod,
      Duration startInterval,
      boolean disable) {}

  /** {@code deploy.restart_policy}; condition is none, on-failure or any. */
  public record RestartPolicy(String condition, Duration delay, Integer maxAttempts, Duration window) {}

  /** Effective resource limits (service attributes merged with deploy.resources); null = unset. */
  public record Resources(
      Long memLimit,
      Long memswapLimit,
      Long memReservation,
      Long nanoCpus,
      Long cpuShares,
      Long cpuQuota,
      Long cpuPeriod,
      String cpuset,
      Long pidsLimit,
      Integer oomScoreAdj,
      Boolean oomKillDisable) {}

  public record Ulimit(long soft, long hard) {}

  public record Device(String source, String target, String permissions) {}

  /** A reference from a service to a top-level secret or config, long form. */
  public record ServiceFileRef(String source, String target, String uid, String gid, Integer mode) {}
}
