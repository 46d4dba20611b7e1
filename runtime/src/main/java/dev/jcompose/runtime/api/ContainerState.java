package dev.jcompose.runtime.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Observed state of a container. {@code pid} is the container's init as seen from the host (0 when
 * not running). {@code netnsPath} is usable while the container exists (a bind-mounted nsfs file
 * under the run root, so it outlives the process across restarts of the same container). {@code
 * paused}: a RUNNING container whose processes are frozen ({@code docker pause}); it still counts
 * as running, as docker's State.Running does.
 */
public record ContainerState(
    String id,
    Status status,
    int pid,
    Path netnsPath,
    Path logPath,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    ExitStatus exit,
    Map<String, String> labels,
    boolean paused) {

  /** A container that is not paused. */
  public ContainerState(
      String id,
      Status status,
      int pid,
      Path netnsPath,
      Path logPath,
      Instant createdAt,
      Instant startedAt,
      Instant finishedAt,
      ExitStatus exit,
      Map<String, String> labels) {
    this(
        id, status, pid, netnsPath, logPath, createdAt, startedAt, finishedAt, exit, labels, false);
  }

  public enum Status {
    CREATED,
    RUNNING,
    EXITED
  }
}
