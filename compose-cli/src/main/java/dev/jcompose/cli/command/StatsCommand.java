package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
import dev.jcompose.cli.output.GoTemplate;
import dev.jcompose.cli.output.StatsRows;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.StatsSample;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jcompose stats}: the containers' CPU, memory, network and block I/O and PIDs, read about
 * once a second; on a terminal the table is redrawn in place until Ctrl-C, elsewhere each round is
 * printed after the last. {@code --no-stream} prints one round (two readings a second apart, so CPU
 * % is a real rate). {@code --format json} prints one object per container and round.
 */
public final class StatsCommand implements Command {
  private static final Opt ALL =
      Opt.flag("Show all containers (default shows just running)", "-a", "--all");
  private static final Opt NO_STREAM =
      Opt.flag("Disable streaming stats and only pull the first result", "--no-stream");
  private static final Opt NO_TRUNC = Opt.flag("Do not truncate output", "--no-trunc");
  private static final Opt FORMAT =
      Opt.value(
          "FORMAT",
          "Format output using a custom template: 'table', 'table TEMPLATE', 'json' or 'TEMPLATE'",
          "--format");
  static final VerbSpec SPEC =
      VerbSpec.of("Display a live stream of container(s) resource usage statistics", "stats")
          .services()
          .options(ALL, NO_STREAM, NO_TRUNC, FORMAT)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  private static final long INTERVAL_MILLIS = 1000;

  List<String> services = new ArrayList<>();

  boolean all;

  boolean noStream;

  boolean noTrunc;

  String format = "table";

  @Override
  public int run(Args args) throws InterruptedException {
    services = new ArrayList<>(args.operandsFrom(0));
    all = args.has(ALL);
    noStream = args.has(NO_STREAM);
    noTrunc = args.has(NO_TRUNC);
    format = args.get(FORMAT, "table");
    String project = CommandContext.projectName(args);
    ComposeService compose = CommandContext.compose(args);
    GoTemplate template =
        GoTemplate.parse(
            format.equals("table")
                ? StatsRows.TABLE
                : format.equals("json") ? "{{json .}}" : format);
    boolean redraw = Terminal.attached() && !noStream && template.table();
    PrintStream out = Invocation.current().out();
    List<StatsSample> before = compose.stats(project, services, all);
    while (true) {
      Thread.sleep(INTERVAL_MILLIS);
      List<StatsSample> now = compose.stats(project, services, all);
      String text = template.render(StatsRows.of(before, now, noTrunc), StatsRows.HEADERS);
      // docker's CLI clears the screen and homes the cursor before each round on a terminal
      out.print(redraw ? "\033[2J\033[H" + text : text);
      out.flush();
      if (noStream) {
        return 0;
      }
      before = now;
    }
  }
}
