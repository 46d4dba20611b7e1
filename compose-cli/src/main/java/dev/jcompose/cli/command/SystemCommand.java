package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.output.TabTable;
import dev.jcompose.cli.output.Units;
import dev.jcompose.scheduler.api.DiskUsage;
import dev.jcompose.scheduler.api.PruneOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code jcompose system df|prune}: disk use of images, containers and volumes, and removing what
 * nothing uses.
 */
public final class SystemCommand extends Group {
  public SystemCommand() {
    super(
        "system",
        "Manage the host's containers, images and volumes as a whole",
        List.of(Sub.of(Df.SPEC, Df::new), Sub.of(Prune.SPEC, Prune::new)));
  }

  static final class Df implements Command {
    private static final Opt FORMAT =
        Opt.value("FORMAT", "Format the output: table or json", "--format");
    static final VerbSpec SPEC =
        VerbSpec.of("Show jcompose disk usage", "system", "df").options(FORMAT).build();

    @Override
    public VerbSpec spec() {
      return SPEC;
    }

    String format = "table";

    @Override
    public int run(Args args) {
      format = args.get(FORMAT, "table");
      DiskUsage d = CommandContext.compose(args).diskUsage();
      PrintStream out = CommandContext.out();
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

    private static void row(PrintStream out, String type, DiskUsage.Row r) {
      List<String> c = cells(type, r);
      out.println(
          DockerJson.line(
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

  static final class Prune implements Command {
    private static final Opt ALL =
        Opt.flag("Remove all unused images not just dangling ones", "-a", "--all");
    private static final Opt VOLUMES = Opt.flag("Prune anonymous volumes", "--volumes");
    private static final Opt FORCE = Opt.flag("Do not prompt for confirmation", "-f", "--force");
    static final VerbSpec SPEC =
        VerbSpec.of("Remove unused data", "system", "prune").options(ALL, VOLUMES, FORCE).build();

    @Override
    public VerbSpec spec() {
      return SPEC;
    }

    boolean all;

    boolean volumes;

    boolean force;

    @Override
    public int run(Args args) throws IOException {
      all = args.has(ALL);
      volumes = args.has(VOLUMES);
      force = args.has(FORCE);
      String warning =
          "WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n"
              + (volumes ? "  - all anonymous volumes not used by at least one container\n" : "")
              + (all
                  ? "  - all images without at least one container associated to them"
                  : "  - all dangling images");
      return PruneOutput.confirmAndPrune(
          force,
          warning,
          () ->
              CommandContext.compose(args)
                  .prune(new PruneOptions(all, volumes), CommandContext.progress(args)),
          PruneOutput.Section.values());
    }
  }
}
