package dev.jcompose.cli.command;

import dev.jcompose.cli.output.LogMerge;
import dev.jcompose.cli.output.LogPrefixes;
import dev.jcompose.cli.output.LogPrinter;
import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.LogLine;
import dev.jcompose.runtime.api.LogReader;
import dev.jcompose.scheduler.names.Labels;
import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose logs}: reads the containers' log files directly (no engine). Without {@code -f}
 * the lines of several containers are merged by time; with {@code -f} each container is followed
 * concurrently until it stops, and lines print as they come.
 */
@Command(name = "logs", description = "View output from containers")
public final class LogsCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE") List<String> services = new ArrayList<>();
  @Option(names = "--follow", description = "Follow log output") boolean follow;
  @Option(names = {"-n", "--tail"}, defaultValue = "all", paramLabel = "N", description = "Number of lines to show from the end of the logs for each container") String tail;
  @Option(names = {"-t", "--timestamps"}, description = "Show timestamps") boolean timestamps;
  @Option(names = "--since", paramLabel = "TIME", description = "Show logs since timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m)") String since;
  @Option(names = "--until", paramLabel = "TIME", description = "Show logs before a timestamp or relative time") String until;
  @Option(names = "--no-log-prefix", description = "Don't print prefix in logs") boolean noLogPrefix;
  @Option(names = "--no-color", description = "Produce monochrome output") boolean noColor;
  @Option(names = "--index", paramLabel = "N", description = "index of the container if service has multiple replicas") Integer index;

  @Override
  public Integer call() {
    String project = CommandContext.projectName(spec);
    ContainerRuntime runtime = CommandContext.runtime.get();
    List<ContainerState> containers = ProjectContainers.of(runtime, project, services).stream()
        .filter(c -> index == null || ProjectContainers.label(c, ProjectContainers.NUMBER).equals(index.toString()))
        .filter(LogsCommand::readable)
        .toList();
    LogReader.Options options = options();
    PrintStream out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new BufferedOutputStream(System.err, 1 << 12), false, StandardCharsets.UTF_8);
    LogPrinter printer = new LogPrinter(out, err, new LogPrefixes(!noColor && System.console() != null), !noLogPrefix, timestamps, follow);
    Map<String, ContainerState> byName = new LinkedHashMap<>();
    containers.forEach(c -> byName.put(LogPrefixes.displayName(project, c.id()), c));
    byName.keySet().forEach(printer.prefixes()::register);
    if (follow) {
      followAll(runtime, byName, options, printer);
    } else {
      dump(byName, options, printer);
    }
    printer.flush();
    return 0;
  }

  /** docker compose warns and goes on for a container whose logging driver keeps nothing to read. */
  private static boolean readable(ContainerState c) {
    if (!"none".equals(ProjectContainers.label(c, Labels.LOG_DRIVER))) {
      return true;
    }
    Warnings.print("Can't retrieve logs for \"" + c.id() + "\": configured logging driver does not support reading");
    return false;
  }

  private LogReader.Options options() {
    int n;
    try {
      n = tail.equals("all") ? -1 : Integer.parseInt(tail);
    } catch (NumberFormatException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "invalid --tail '" + tail + "': use a number or all");
    }
    try {
      Instant now = Instant.now();
      return new LogReader.Options(n, TimeArg.parse(since, now, ZoneId.systemDefault()), TimeArg.parse(until, now, ZoneId.systemDefault()), follow);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** One container streams straight through; several are merged by time. */
  private static void dump(Map<String, ContainerState> byName, LogReader.Options options, LogPrinter printer) {
    LogReader reader = CommandContext.logReader.get();
    if (byName.size() == 1) {
      Map.Entry<String, ContainerState> only = byName.entrySet().iterator().next();
      reader.read(only.getValue().logPath(), options, l -> { printer.print(only.getKey(), l); return true; }, () -> true);
      return;
    }
    Map<String, List<LogLine>> lines = new LinkedHashMap<>();
    byName.forEach((name, c) -> {
      List<LogLine> list = new ArrayList<>();
      reader.read(c.logPath(), options, list::add, () -> true);
      lines.put(name, list);
    });
    LogMerge.merge(lines).forEach(t -> printer.print(t.name(), t.line()));
  }

  private static void followAll(ContainerRuntime runtime, Map<String, ContainerState> byName, LogReader.Options options, LogPrinter printer) {
    LogReader reader = CommandContext.logReader.get();
    List<Thread> threads = new ArrayList<>();
    byName.forEach((name, c) -> threads.add(LogFollower.start(reader, c.logPath(), options, printer, name, new StoppedCheck(runtime, c.id()))));
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
