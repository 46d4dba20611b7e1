package dev.jcompose.scheduler.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code container inspect} shows of one container: the fields of docker's inspect document
 * jcompose has (the CLI prints them under docker's names). Times are null when not yet reached.
 */
public record ContainerDetails(
    String id,
    String name,
    Instant created,
    String path,
    List<String> args,
    State state,
    String imageId,
    String image,
    Config config,
    Limits limits,
    List<MountPoint> mounts,
    Map<String, Endpoint> networks,
    List<ContainerSummary.Publisher> ports,
    String logPath) {

  /** docker's State: status created|running|paused|exited; health null without a healthcheck. */
  public record State(
      String status,
      boolean running,
      boolean paused,
      boolean oomKilled,
      int pid,
      int exitCode,
      Instant startedAt,
      Instant finishedAt,
      Health health) {}

  /** Health status, consecutive failures and the last probes (oldest first). */
  public record Health(String status, int failingStreak, List<Probe> log) {}

  public record Probe(Instant start, Instant end, int exitCode, String output) {}

  /** The process and identity the container runs with. */
  public record Config(
      String hostname,
      String domainname,
      String user,
      List<String> env,
      String workingDir,
      boolean tty,
      boolean openStdin,
      String stopSignal,
      Long stopGraceMillis,
      Map<String, String> labels) {}

  /**
   * The host settings that bound the container: limits in bytes, CPU quota/period in microseconds
   * and shares, null = unset; restart policy name and retry bound; the capabilities it holds.
   */
  public record Limits(
      Long memory,
      Long memorySwap,
      Long memoryReservation,
      Long cpuQuota,
      Long cpuPeriod,
      Long cpuShares,
      String cpusetCpus,
      Long pidsLimit,
      Long shmSize,
      boolean privileged,
      boolean readonlyRootfs,
      String networkMode,
      String restartPolicy,
      int restartMaxRetries,
      List<String> capabilities) {}

  /** A mount: type bind|volume|tmpfs, the volume's name for volumes, host source, target, rw. */
  public record MountPoint(
      String type, String name, String source, String destination, boolean rw) {}

  /** The container on one network. */
  public record Endpoint(
      String ipAddress,
      int prefixLength,
      String gateway,
      String macAddress,
      List<String> aliases) {}
}
