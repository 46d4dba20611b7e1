package dev.jcompose.cli.command;

import dev.jcompose.cli.output.GoTemplate;
import dev.jcompose.cli.output.StatsRows;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.StatsSample;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose stats}: the containers' CPU, memory, network and block I/O and PIDs, read about
 * once a second; on a terminal the table is redrawn in place until Ctrl-C, elsewhere each round is
 * printed after the last. {@code --no-stream} prints one round (two readings a second apart, so CPU
 * % is a real rate). {@code --format json} prints one object per container and round.
 */
@Command(
    name = "stats",
    description = "Display a live stream of container(s) resource usage statistics")
public final class StatsCommand implements Callable<Integer> {
  private static final long INTERVAL_MILLIS = 1000;
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE")
  List<String> services = new ArrayList<>();

  @Option(
      names = {"-a", "--all"},
      description = "Show all containers (default shows just running)")
  boolean all;

  @Option(
      names = "--no-stream",
      description = "Disable streaming stats and only pull the first result")
  boolean noStream;

  @Option(names = "--no-trunc", description = "Do not truncate output")
  boolean noTrunc;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "Format output using a custom template: 'table', 'table TEMPLATE', 'json' or 'TEMPLATE'")
  String format = "table";

  @Override
  public Integer call() throws InterruptedException {
    String project = CommandContext.projectName(spec);
    ComposeService compose = CommandContext.compose(spec);
    GoTemplate template =
        GoTemplate.parse(
            format.equals("table")
                ? StatsRows.TABLE
                : format.equals("json") ? "{{json .}}" : format);
    boolean redraw = Terminal.attached() && !noStream && template.table();
    PrintStream out = System.out;
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
