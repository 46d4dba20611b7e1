package dev.jcompose.runtime.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything the runtime needs to create one container. Plain data: knows nothing of compose.
 *
 * @param id unique container id (also the container directory name), e.g. {@code myproj-web-1}
 * @param image the image whose layers form the lower dirs of the overlay rootfs
 * @param process what to exec as pid 1 (already merged with the image's entrypoint/cmd/env/user)
 * @param hostname the UTS hostname; domainname may be null
 * @param network how the network namespace is set up
 * @param mounts bind/volume/tmpfs mounts in order
 * @param etcFiles content of files to bind read-only over the rootfs, keyed by absolute target
 *     (e.g. "/etc/hosts", "/etc/resolv.conf", "/etc/hostname"); the runtime writes them into the
 *     container dir and binds them
 * @param resources cgroup limits
 * @param readOnlyRootfs mount the rootfs read-only
 * @param privileged all capabilities, no masked paths, /sys rw
 * @param sysctls namespaced sysctls written under /proc/sys before exec
 * @param devices extra host devices to create in /dev
 * @param shmSizeBytes size of /dev/shm, null = 64 MiB like docker
 * @param labels opaque key/values stored with the container state
 * @param security seccomp profile and extra device-cgroup rules; null (a record written before the
 *     field existed) means {@link Security#defaults()}
 * @param attachWait the first start waits (at most 10 s) until a client attached ({@link
 *     ContainerRuntime#attach}), so a foreground {@code run} sees its output from the first byte
 */
public record ContainerSpec(
    String id,
    ImageHandle image,
    ProcessSpec process,
    String hostname,
    String domainname,
    NetworkMode network,
    List<MountSpec> mounts,
    Map<String, String> etcFiles,
    Resources resources,
    boolean readOnlyRootfs,
    boolean privileged,
    Map<String, String> sysctls,
    List<DeviceSpec> devices,
    Long shmSizeBytes,
    Map<String, String> labels,
    Security security,
    boolean attachWait) {

  /** A container whose start waits for nobody. */
  public ContainerSpec(
      String id,
      ImageHandle image,
      ProcessSpec process,
      String hostname,
      String domainname,
      NetworkMode network,
      List<MountSpec> mounts,
      Map<String, String> etcFiles,
      Resources resources,
      boolean readOnlyRootfs,
      boolean privileged,
      Map<String, String> sysctls,
      List<DeviceSpec> devices,
      Long shmSizeBytes,
      Map<String, String> labels,
      Security security) {
    this(
        id,
        image,
        process,
        hostname,
        domainname,
        network,
        mounts,
        etcFiles,
        resources,
        readOnlyRootfs,
        privileged,
        sysctls,
        devices,
        shmSizeBytes,
        labels,
        security,
        false);
  }

  /** {@link #security()}, with the defaults for a record that has none. */
  public Security securityOrDefaults() {
    return security == null ? Security.defaults() : security;
  }

  /**
   * The process to run. {@code user} is "uid", "uid:gid", "name" or "name:group" resolved against
   * the rootfs's /etc/passwd and /etc/group (null = root). Capabilities are the effective set names
   * without "CAP_" (e.g. "CHOWN"); the scheduler computes docker's default set +/- cap_add/drop.
   */
  public record ProcessSpec(
      List<String> args,
      List<String> env,
      String cwd,
      String user,
      List<String> additionalGroups,
      boolean tty,
      boolean stdinOpen,
      List<String> capabilities,
      boolean noNewPrivileges,
      List<Rlimit> rlimits) {}

  /** An rlimit; values above the host's current hard limit are clamped by the runtime. */
  public record Rlimit(String name, long soft, long hard) {}

  /**
   * kind: NEW (own netns with only lo), HOST, NONE (own netns, lo only), JOIN (path to a netns).
   */
  public record NetworkMode(Kind kind, Path joinPath) {
    public enum Kind {
      NEW,
      HOST,
      NONE,
      JOIN
    }

    public static NetworkMode newNamespace() {
      return new NetworkMode(Kind.NEW, null);
    }
  }

  /**
   * A mount. type BIND: {@code source} is a host path (created as a dir if missing and
   * createSource); TMPFS: source ignored, options like "size=65536k","mode=1777"; VOLUME is a bind
   * of a volume's data dir (the scheduler passes the resolved path).
   */
  public record MountSpec(
      Type type,
      Path source,
      String target,
      boolean readOnly,
      boolean createSource,
      List<String> options) {
    public enum Type {
      BIND,
      TMPFS,
      VOLUME
    }
  }

  /** Limits; null = unset. Bytes for memory, CFS quota/period in microseconds. */
  public record Resources(
      Long memoryLimit,
      Long memorySwapLimit,
      Long memoryReservation,
      Long cpuQuotaMicros,
      Long cpuPeriodMicros,
      Long cpuShares,
      String cpusetCpus,
      Long pidsLimit,
      Integer oomScoreAdj) {
    public static Resources none() {
      return new Resources(null, null, null, null, null, null, null, null, null);
    }
  }

  public record DeviceSpec(Path hostPath, String containerPath, String permissions) {}

  /**
   * Confinement docker applies besides capabilities and masked paths.
   *
   * @param seccomp the syscall filter (ignored when the container is privileged: docker turns it
   *     off)
   * @param deviceCgroupRules docker's {@code device_cgroup_rules}, {@code "c 1:3 rwm"} style
   *     ({@code type major:minor access}, {@code *} for any number), allowed on top of runc's
   *     defaults
   */
  public record Security(Seccomp seccomp, List<String> deviceCgroupRules) {
    public static Security defaults() {
      return new Security(Seccomp.DEFAULT, List.of());
    }
  }

  /**
   * The seccomp profile: docker's default, none ({@code seccomp=unconfined}), or a profile in
   * docker's JSON format (its text, read by the caller from {@code seccomp=FILE}).
   */
  public record Seccomp(Mode mode, String profileJson) {
    public enum Mode {
      DEFAULT,
      UNCONFINED,
      PROFILE
    }

    public static final Seccomp DEFAULT = new Seccomp(Mode.DEFAULT, null);
    public static final Seccomp UNCONFINED = new Seccomp(Mode.UNCONFINED, null);

    public static Seccomp profile(String json) {
      return new Seccomp(Mode.PROFILE, json);
    }
  }
}
