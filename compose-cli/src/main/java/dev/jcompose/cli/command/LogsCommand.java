package dev.jcompose.cli.command;

import dev.jcompose.cli.output.LogPrefixes;
import dev.jcompose.cli.output.LogPrinter;
import dev.jcompose.scheduler.api.LogEntry;
import dev.jcompose.scheduler.api.LogOptions;
import dev.jcompose.scheduler.api.LogSink;
import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose logs}: the containers' log lines, read in this process (no engine needed).
 * Without {@code -f} the lines of several containers come merged by time; with {@code -f} each
 * container is followed until it stops, and lines print as they come.
 */
@Command(name = "logs", description = "View output from containers")
public final class LogsCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE")
  List<String> services = new ArrayList<>();

  @Option(names = "--follow", description = "Follow log output")
  boolean follow;

  @Option(
      names = {"-n", "--tail"},
      defaultValue = "all",
      paramLabel = "N",
      description = "Number of lines to show from the end of the logs for each container")
  String tail;

  @Option(
      names = {"-t", "--timestamps"},
      description = "Show timestamps")
  boolean timestamps;

  @Option(
      names = "--since",
      paramLabel = "TIME",
      description = "Show logs since timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m)")
  String since;

  @Option(
      names = "--until",
      paramLabel = "TIME",
      description = "Show logs before a timestamp or relative time")
  String until;

  @Option(names = "--no-log-prefix", description = "Don't print prefix in logs")
  boolean noLogPrefix;

  @Option(names = "--no-color", description = "Produce monochrome output")
  boolean noColor;

  @Option(
      names = "--index",
      paramLabel = "N",
      description = "index of the container if service has multiple replicas")
  Integer index;

  @Override
  public Integer call() {
    String project = CommandContext.projectName(spec);
    PrintStream out =
        new PrintStream(
            new BufferedOutputStream(System.out, 1 << 16), false, StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(
            new BufferedOutputStream(System.err, 1 << 12), false, StandardCharsets.UTF_8);
    LogPrinter printer =
        new LogPrinter(
            out,
            err,
            new LogPrefixes(!noColor && Terminal.attached()),
            !noLogPrefix,
            timestamps,
            follow);
    CommandContext.compose(spec)
        .logs(project, options(), new Printing(project, printer), () -> false);
    printer.flush();
    return 0;
  }

  /** Prefixes sized for every container before the first line, as docker compose aligns them. */
  private record Printing(String project, LogPrinter printer) implements LogSink {
    @Override
    public void containers(List<String> names) {
      names.forEach(n -> printer.prefixes().register(LogPrefixes.displayName(project, n)));
    }

    @Override
    public void accept(LogEntry line) {
      printer.print(LogPrefixes.displayName(project, line.container()), line);
    }
  }

  private LogOptions options() {
    int n;
    try {
      n = tail.equals("all") ? -1 : Integer.parseInt(tail);
    } catch (NumberFormatException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "invalid --tail '" + tail + "': use a number or all");
    }
    try {
      Instant now = Instant.now();
      return new LogOptions(
          services,
          List.of(),
          index,
          n,
          TimeArg.parse(since, now, ZoneId.systemDefault()),
          TimeArg.parse(until, now, ZoneId.systemDefault()),
          follow,
          true);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
