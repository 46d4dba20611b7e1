package dev.jcompose.junit;

import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.LogLine;
import dev.jcompose.runtime.api.LogReader;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.cgroup.CgroupDrivers;
import dev.jcompose.runtime.container.LinuxContainerRuntime;
import dev.jcompose.runtime.logs.CriLogReader;
import dev.jcompose.scheduler.api.ContainerSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads containers' logs straight from their log files, as {@code jcompose logs} does (no engine
 * call, no process), and says which containers count as failing: exited with an error,
 * restarting, or unhealthy.
 */
final class ServiceLogs {
  private final RuntimePaths paths;

  ServiceLogs(Map<String, String> env) {
    this.paths = RuntimePaths.fromEnvironment(env);
  }

  static boolean failing(ContainerSummary c) {
    return "exited".equals(c.state()) && c.exitCode() != 0 || "restarting".equals(c.state()) || "dead".equals(c.state())
        || "unhealthy".equals(c.health());
  }

  /** The last {@code lines} lines of the containers, merged by time, each prefixed with its container's name. */
  List<String> tail(List<ContainerSummary> containers, int lines) {
    LinuxContainerRuntime runtime = new LinuxContainerRuntime(paths, CgroupDrivers.detect());
    LogReader reader = new CriLogReader();
    List<Timed> timed = new ArrayList<>();
    for (ContainerSummary c : containers) {
      // the runtime knows a container by its name; the summary's id is the docker-style hash
      Optional<ContainerState> state = runtime.state(c.name());
      if (state.isEmpty() || state.get().logPath() == null) {
        continue;
      }
      reader.read(state.get().logPath(), new LogReader.Options(lines, null, null, false), (LogLine l) -> {
        timed.add(new Timed(l.time(), c.name() + " | " + l.text()));
        return true;
      }, () -> true);
    }
    return timed.stream().sorted(Comparator.comparing(Timed::time)).map(Timed::text)
        .skip(Math.max(0, timed.size() - lines)).toList();
  }

  private record Timed(java.time.Instant time, String text) {}
}
