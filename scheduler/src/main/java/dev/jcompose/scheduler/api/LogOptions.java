package dev.jcompose.scheduler.api;

import java.time.Instant;
import java.util.List;

/**
 * What {@code logs} reads.
 *
 * @param services empty = every service
 * @param containers empty = every container of the selected services; else only these names
 * @param index only the replica with this number; null = all
 * @param tail the last lines of each container; negative = all
 * @param since lines at or after; null = from the start
 * @param until lines before; null = no bound
 * @param follow keep delivering new lines
 * @param untilExit with follow: a container's lines end when it has exited (else only on stop)
 */
public record LogOptions(
    List<String> services,
    List<String> containers,
    Integer index,
    int tail,
    Instant since,
    Instant until,
    boolean follow,
    boolean untilExit) {

  public LogOptions {
    services = services == null ? List.of() : List.copyOf(services);
    containers = containers == null ? List.of() : List.copyOf(containers);
  }

  /**
   * Follow one container from {@code since} until the caller stops (attached {@code up}, {@code
   * run}).
   */
  public static LogOptions followContainer(String container, Instant since) {
    return new LogOptions(List.of(), List.of(container), null, -1, since, null, true, false);
  }
}
