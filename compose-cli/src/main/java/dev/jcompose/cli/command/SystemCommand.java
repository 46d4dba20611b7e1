package dev.jcompose.cli.command;

import dev.jcompose.cli.output.TabTable;
import dev.jcompose.cli.output.Units;
import dev.jcompose.scheduler.api.DiskUsage;
import dev.jcompose.scheduler.api.PruneOptions;
import dev.jcompose.scheduler.api.PruneReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose system df|prune}: disk use of images, containers and volumes, and removing what
 * nothing uses.
 */
@Command(
    name = "system",
    description = "Manage the host's containers, images and volumes as a whole",
    subcommands = {SystemCommand.Df.class, SystemCommand.Prune.class})
public final class SystemCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "df", description = "Show jcompose disk usage")
  static final class Df implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        description = "Format the output: table or json")
    String format = "table";

    @Override
    public Integer call() {
      DiskUsage d = CommandContext.compose(spec).diskUsage();
      PrintWriter out = spec.commandLine().getOut();
      if (format.equals("json")) {
        row(out, "Images", d.images());
        row(out, "Containers", d.containers());
        row(out, "Local Volumes", d.volumes());
        row(out, "Build Cache", new DiskUsage.Row(0, 0, 0, 0));
      } else {
        TabTable t = new TabTable().row(List.of("TYPE", "TOTAL", "ACTIVE", "SIZE", "RECLAIMABLE"));
        t.row(cells("Images", d.images()));
        t.row(cells("Containers", d.containers()));
        t.row(cells("Local Volumes", d.volumes()));
        t.row(cells("Build Cache", new DiskUsage.Row(0, 0, 0, 0)));
        out.print(t.render());
      }
      out.flush();
      return 0;
    }

    private static List<String> cells(String type, DiskUsage.Row r) {
      String reclaim =
          Units.decimal(r.reclaimable())
              + (r.size() > 0 ? " (" + r.reclaimable() * 100 / r.size() + "%)" : "");
      return List.of(
          type,
          Integer.toString(r.total()),
          Integer.toString(r.active()),
          Units.decimal(r.size()),
          reclaim);
    }

    private static void row(PrintWriter out, String type, DiskUsage.Row r) {
      List<String> c = cells(type, r);
      out.println(
          Json.line(
              new LinkedHashMap<>(
                  Map.of(
                      "Active",
                      c.get(2),
                      "Reclaimable",
                      c.get(4),
                      "Size",
                      c.get(3),
                      "TotalCount",
                      c.get(1),
                      "Type",
                      type))));
    }
  }

  @Command(name = "prune", description = "Remove unused data")
  static final class Prune implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-a", "--all"},
        description = "Remove all unused images not just dangling ones")
    boolean all;

    @Option(names = "--volumes", description = "Prune anonymous volumes")
    boolean volumes;

    @Option(names = "--force", description = "Do not prompt for confirmation")
    boolean force;

    @Override
    public Integer call() throws IOException {
      String warning =
          "WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n"
              + (volumes ? "  - all anonymous volumes not used by at least one container\n" : "")
              + (all
                  ? "  - all images without at least one container associated to them"
                  : "  - all dangling images");
      if (!force && !Confirm.ask(warning)) {
        return 0;
      }
      PruneReport r =
          CommandContext.compose(spec)
              .prune(new PruneOptions(all, volumes), CommandContext.progress(spec));
      PrintWriter out = spec.commandLine().getOut();
      section(out, "Deleted Containers:", r.containers());
      section(out, "Deleted Networks:", r.networks());
      section(out, "Deleted Volumes:", r.volumes());
      section(out, "Deleted Images:", r.images().stream().map(i -> "deleted: " + i).toList());
      out.println("Total reclaimed space: " + Units.decimal(r.reclaimedBytes()));
      out.flush();
      return 0;
    }

    private static void section(PrintWriter out, String title, List<String> names) {
      if (!names.isEmpty()) {
        out.println(title);
        names.forEach(out::println);
        out.println();
      }
    }
  }
}
