package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
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
import java.util.List;

/**
 * {@code jcompose logs}: the containers' log lines, read in this process (no engine needed).
 * Without {@code -f} the lines of several containers come merged by time; with {@code -f} each
 * container is followed until it stops, and lines print as they come.
 */
public final class LogsCommand implements Command {
  private static final Opt FOLLOW = Opt.flag("Follow log output", "-f", "--follow");
  private static final Opt TAIL =
      Opt.value(
          "N",
          "Number of lines to show from the end of the logs for each container",
          "-n",
          "--tail");
  private static final Opt TIMESTAMPS = Opt.flag("Show timestamps", "-t", "--timestamps");
  private static final Opt SINCE =
      Opt.value(
          "TIME",
          "Show logs since timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m)",
          "--since");
  private static final Opt UNTIL =
      Opt.value("TIME", "Show logs before a timestamp or relative time", "--until");
  private static final Opt NO_LOG_PREFIX =
      Opt.flag("Don't print prefix in logs", "--no-log-prefix");
  private static final Opt NO_COLOR = Opt.flag("Produce monochrome output", "--no-color");
  private static final Opt INDEX =
      Opt.value("N", "index of the container if service has multiple replicas", "--index");
  private static final VerbSpec SPEC =
      VerbSpec.of("View output from containers", "logs")
          .services()
          .options(FOLLOW, TAIL, TIMESTAMPS, SINCE, UNTIL, NO_LOG_PREFIX, NO_COLOR, INDEX)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Args args) {
    LogOptions options = options(args);
    String project = CommandContext.projectName(args);
    PrintStream out =
        new PrintStream(
            new BufferedOutputStream(Invocation.current().out(), 1 << 16),
            false,
            StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(
            new BufferedOutputStream(Invocation.current().err(), 1 << 12),
            false,
            StandardCharsets.UTF_8);
    LogPrinter printer =
        new LogPrinter(
            out,
            err,
            new LogPrefixes(!args.has(NO_COLOR) && Terminal.attached()),
            !args.has(NO_LOG_PREFIX),
            args.has(TIMESTAMPS),
            args.has(FOLLOW));
    CommandContext.compose(args)
        .logs(project, options, new Printing(project, printer), () -> false);
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

    @Override
    public void warning(String message) {
      Warnings.print(message);
    }
  }

  private static LogOptions options(Args args) {
    String tail = args.get(TAIL, "all");
    int n;
    try {
      n = tail.equals("all") ? -1 : Integer.parseInt(tail);
    } catch (NumberFormatException e) {
      throw args.usage("invalid --tail '" + tail + "': use a number or all");
    }
    Integer index = args.integer(INDEX);
    try {
      Instant now = Instant.now();
      return new LogOptions(
          args.operands(),
          List.of(),
          index,
          n,
          TimeArg.parse(args.get(SINCE), now, ZoneId.systemDefault()),
          TimeArg.parse(args.get(UNTIL), now, ZoneId.systemDefault()),
          args.has(FOLLOW),
          true);
    } catch (IllegalArgumentException e) {
      throw args.usage(e.getMessage());
    }
  }
}
