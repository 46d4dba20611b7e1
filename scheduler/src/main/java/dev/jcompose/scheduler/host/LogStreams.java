package dev.jcompose.scheduler.host;

import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.LogLine;
import dev.jcompose.runtime.api.LogReader;
import dev.jcompose.scheduler.api.LogEntry;
import dev.jcompose.scheduler.api.LogOptions;
import dev.jcompose.scheduler.api.LogSink;
import dev.jcompose.scheduler.names.Labels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * {@code logs} from the containers' log files (no engine): one container streams straight through;
 * several are interleaved by time; following reads each on its own thread.
 */
final class LogStreams {
  // Lines still being drained when following ends are delivered within this bound.
  private static final long JOIN_MILLIS = 10_000;

  private final ContainerRuntime runtime;
  private final LogReader reader;

  LogStreams(ContainerRuntime runtime, LogReader reader) {
    this.runtime = runtime;
    this.reader = reader;
  }

  void logs(String project, LogOptions o, LogSink sink, BooleanSupplier stop) {
    List<ContainerState> containers = selected(project, o);
    if (o.containers().isEmpty()) {
      containers = containers.stream().filter(c -> readable(c, sink)).toList();
    }
    sink.containers(containers.stream().map(ContainerState::id).toList());
    LogReader.Options read = new LogReader.Options(o.tail(), o.since(), o.until(), o.follow());
    if (o.follow()) {
      followAll(containers, read, sink, o.untilExit(), stop);
    } else if (containers.size() == 1) {
      ContainerState only = containers.get(0);
      reader.read(
          only.logPath(),
          read,
          l -> {
            sink.accept(entry(only, l));
            return true;
          },
          () -> true);
    } else {
      merged(containers, read).forEach(sink);
    }
  }

  /**
   * docker compose warns and goes on for a container whose logging driver keeps nothing to read
   * ({@code none}); attached clients (which name their containers) still see its output.
   */
  private static boolean readable(ContainerState c, LogSink sink) {
    if (!"none".equals(ProjectContainers.label(c, Labels.LOG_DRIVER))) {
      return true;
    }
    sink.warning(
        "Can't retrieve logs for \""
            + c.id()
            + "\": configured logging driver does not support reading");
    return false;
  }

  /**
   * Named containers (one-off ones too: {@code run} follows its own), else the services' by number.
   */
  private List<ContainerState> selected(String project, LogOptions o) {
    if (!o.containers().isEmpty()) {
      return o.containers().stream()
          .map(runtime::state)
          .flatMap(Optional::stream)
          .filter(c -> project.equals(ProjectContainers.label(c, Labels.PROJECT)))
          .toList();
    }
    return ProjectContainers.of(runtime, project, o.services()).stream()
        .filter(c -> o.index() == null || ProjectContainers.isNumber(c, o.index()))
        .toList();
  }

  /**
   * Each file is in time order already, so a stable sort is a merge; equal times keep the
   * containers' order.
   */
  private List<LogEntry> merged(List<ContainerState> containers, LogReader.Options read) {
    List<LogEntry> all = new ArrayList<>();
    containers.forEach(c -> reader.read(c.logPath(), read, l -> all.add(entry(c, l)), () -> true));
    all.sort(Comparator.comparing(LogEntry::time));
    return all;
  }

  private void followAll(
      List<ContainerState> containers,
      LogReader.Options read,
      Consumer<LogEntry> sink,
      boolean untilExit,
      BooleanSupplier stop) {
    List<Thread> threads = new ArrayList<>();
    for (ContainerState c : containers) {
      BooleanSupplier exited = untilExit ? new StoppedCheck(runtime, c.id()) : () -> false;
      BooleanSupplier done = () -> stop.getAsBoolean() || exited.getAsBoolean();
      Thread t =
          new Thread(
              () ->
                  reader.read(
                      c.logPath(),
                      read,
                      l -> {
                        sink.accept(entry(c, l));
                        return true;
                      },
                      done),
              "logs-" + c.id());
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      join(t, stop);
    }
  }

  /** Waits for a follower; once the caller said stop, only as long as draining may take. */
  private static void join(Thread t, BooleanSupplier stop) {
    try {
      while (t.isAlive() && !stop.getAsBoolean()) {
        t.join(250);
      }
      t.join(JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static LogEntry entry(ContainerState c, LogLine l) {
    return new LogEntry(c.id(), l.time(), l.stream() == LogLine.Stream.STDERR, l.text());
  }
}
