package dev.jcompose.junit;

import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.LogEntry;
import dev.jcompose.scheduler.api.LogOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The logs of some containers through the compose service's {@code logs} verb (read from the log
 * files in this process, as {@code jcompose logs} does: no engine call, no process), and which
 * containers count as failing: exited with an error, restarting, dead or unhealthy.
 */
final class ServiceLogs {
  private ServiceLogs() {}

  static boolean failing(ContainerSummary c) {
    return ("exited".equals(c.state()) && c.exitCode() != 0)
        || "restarting".equals(c.state())
        || "dead".equals(c.state())
        || "unhealthy".equals(c.health());
  }

  /**
   * The last {@code lines} lines of the containers, merged by time, each prefixed with its
   * container's name.
   */
  static List<String> tail(
      ComposeService compose, String project, List<ContainerSummary> containers, int lines) {
    if (containers.isEmpty()) {
      return List.of();
    }
    List<LogEntry> entries = new ArrayList<>();
    compose.logs(
        project,
        new LogOptions(
            List.of(),
            containers.stream().map(ContainerSummary::name).toList(),
            null,
            lines,
            null,
            null,
            false,
            false),
        e -> {
          synchronized (entries) {
            entries.add(e);
          }
        },
        () -> true);
    return entries.stream()
        .sorted(Comparator.comparing(LogEntry::time))
        .map(e -> e.container() + " | " + e.text())
        .skip(Math.max(0, entries.size() - lines))
        .toList();
  }
}
