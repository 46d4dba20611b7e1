package dev.jcompose.runtime.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Observed state of a container. {@code pid} is the container's init as seen from the host (0 when
 * not running). {@code netnsPath} is usable while the container exists (a bind-mounted nsfs file
 * under the run root, so it outlives the process across restarts of the same container).
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
    Map<String, String> labels) {

  public enum Status {
    CREATED,
    RUNNING,
    EXITED
  }
}
