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
 * @param isolation the pid, ipc, uts and cgroup namespaces, the init and the cgroup parent
 * @param logging where the container's output goes; null = the runtime's default
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
    Isolation isolation,
    LogConfig logging,
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
      Isolation isolation,
      LogConfig logging,
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
        isolation,
        logging,
        security,
        false);
  }

  public ContainerSpec {
    isolation = isolation == null ? Isolation.defaults() : isolation;
  }

  /** A spec with docker's default isolation and confinement and the runtime's default logging. */
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
      Map<String, String> labels) {
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
        Isolation.defaults(),
        null,
        null,
        false);
  }

  /**
   * One namespace of the container: its own (PRIVATE), the host's (HOST), or an existing one to
   * join (JOIN, {@code joinPath} = e.g. {@code /proc/<pid>/ns/ipc} of another container's init).
   */
  public record Namespace(Owner owner, Path joinPath) {
    /** Whose namespace the container is in. */
    public enum Owner {
      PRIVATE,
      HOST,
      JOIN
    }

    public static final Namespace PRIVATE = new Namespace(Owner.PRIVATE, null);
    public static final Namespace HOST = new Namespace(Owner.HOST, null);

    public static Namespace join(Path path) {
      return new Namespace(Owner.JOIN, path);
    }
  }

  /**
   * Namespaces besides the network's, and what runs around the command.
   *
   * @param cgroup PRIVATE or HOST; null = docker's default for the host (the host's on cgroup v1, a
   *     private one on v2)
   * @param init run the command under a small init as PID 1 (docker {@code --init}); only with a
   *     private pid namespace, as docker does
   * @param ipcShmPath the /dev/shm: null = the container's own, inside it; "none" = none; else a
   *     host path bound in: with a joined or host ipc namespace the one it shares, with a private
   *     one the host tmpfs the runtime mounts there so that others may join ({@code shareable})
   * @param cgroupParent the parent group of the container's cgroup, relative to the cgroup root
   *     (docker {@code --cgroup-parent}); null = the runtime's own parent
   */
  public record Isolation(
      Namespace pid,
      Namespace ipc,
      Namespace uts,
      Namespace cgroup,
      boolean init,
      String ipcShmPath,
      String cgroupParent) {
    public Isolation {
      pid = pid == null ? Namespace.PRIVATE : pid;
      ipc = ipc == null ? Namespace.PRIVATE : ipc;
      uts = uts == null ? Namespace.PRIVATE : uts;
    }

    public static Isolation defaults() {
      return new Isolation(null, null, null, null, false, null, null);
    }

    /** A private IPC namespace whose /dev/shm lives on the host, for others to join. */
    public boolean shareableShm() {
      return ipc.owner() == Namespace.Owner.PRIVATE
          && ipcShmPath != null
          && !ipcShmPath.equals("none");
    }
  }

  /**
   * The log driver and its rotation: JSON_FILE and LOCAL keep the output in files that rotate at
   * {@code maxBytes} (0 = never) keeping {@code maxFiles} files, rotated ones gzipped when {@code
   * compress}; NONE keeps nothing readable.
   */
  public record LogConfig(Driver driver, long maxBytes, int maxFiles, boolean compress) {
    public enum Driver {
      JSON_FILE,
      LOCAL,
      NONE
    }
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

  /**
   * Limits; null = unset. Bytes for memory, CFS quota/period and real-time runtime/period in
   * microseconds, swappiness 0..100.
   */
  public record Resources(
      Long memoryLimit,
      Long memorySwapLimit,
      Long memoryReservation,
      Long cpuQuotaMicros,
      Long cpuPeriodMicros,
      Long cpuShares,
      String cpusetCpus,
      Long pidsLimit,
      Integer oomScoreAdj,
      Integer memorySwappiness,
      Boolean oomKillDisable,
      Long cpuRtRuntimeMicros,
      Long cpuRtPeriodMicros,
      Blkio blkio) {

    public Resources(
        Long memoryLimit,
        Long memorySwapLimit,
        Long memoryReservation,
        Long cpuQuotaMicros,
        Long cpuPeriodMicros,
        Long cpuShares,
        String cpusetCpus,
        Long pidsLimit,
        Integer oomScoreAdj) {
      this(
          memoryLimit,
          memorySwapLimit,
          memoryReservation,
          cpuQuotaMicros,
          cpuPeriodMicros,
          cpuShares,
          cpusetCpus,
          pidsLimit,
          oomScoreAdj,
          null,
          null,
          null,
          null,
          null);
    }

    public static Resources none() {
      return new Resources(null, null, null, null, null, null, null, null, null);
    }
  }

  /**
   * Block-IO weight (10..1000, null = unset) and per-device throttles; a device is its {@code
   * major:minor} (the scheduler resolves paths), a rate bytes or operations per second.
   */
  public record Blkio(
      Integer weight,
      List<DeviceWeight> deviceWeights,
      List<DeviceRate> readBps,
      List<DeviceRate> writeBps,
      List<DeviceRate> readIops,
      List<DeviceRate> writeIops) {
    public record DeviceWeight(String majorMinor, int weight) {}

    public record DeviceRate(String majorMinor, long rate) {}
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
