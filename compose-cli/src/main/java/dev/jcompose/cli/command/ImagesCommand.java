package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
import dev.jcompose.cli.output.TabTable;
import dev.jcompose.common.json.Json;
import dev.jcompose.scheduler.api.HumanSize;
import dev.jcompose.scheduler.api.ImageSummary;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code jcompose images}: the images the project's containers use, as docker compose lists them
 * (CONTAINER REPOSITORY TAG IMAGE ID SIZE), looked up in the local image store. Services without
 * containers get a row with an empty CONTAINER column.
 */
public final class ImagesCommand implements Command {
  private static final Opt QUIET = Opt.flag("Only display IDs", "-q", "--quiet");
  private static final Opt FORMAT =
      Opt.value("FORMAT", "Format the output: table or json", "--format");
  private static final VerbSpec SPEC =
      VerbSpec.of("List images used by the created containers", "images")
          .services()
          .options(QUIET, FORMAT)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Args args) {
    String format = args.get(FORMAT, "table");
    if (!format.equals("table") && !format.equals("json")) {
      throw args.usage("unknown format '" + format + "': use table or json");
    }
    List<ImageSummary> rows =
        CommandContext.compose(args).images(CommandContext.loadProject(args), args.operands());
    PrintStream out = Invocation.current().out();
    out.print(args.has(QUIET) ? ids(rows) : format.equals("json") ? json(rows) : table(rows));
    out.flush();
    return 0;
  }

  private static String ids(List<ImageSummary> rows) {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    rows.stream().filter(r -> r.imageId() != null).forEach(r -> ids.add(r.imageId()));
    StringBuilder sb = new StringBuilder();
    ids.forEach(id -> sb.append(id).append('\n'));
    return sb.toString();
  }

  private static String table(List<ImageSummary> rows) {
    TabTable t = new TabTable().row(List.of("CONTAINER", "REPOSITORY", "TAG", "IMAGE ID", "SIZE"));
    for (ImageSummary r : rows) {
      boolean local = r.imageId() != null;
      t.row(
          List.of(
              r.container(),
              r.repository(),
              r.tag(),
              local ? r.imageId().substring(7, 19) : "<none>",
              local ? HumanSize.of(r.sizeBytes()) : "-"));
    }
    return t.render();
  }

  private static String json(List<ImageSummary> rows) {
    List<Map<String, Object>> array = new ArrayList<>();
    for (ImageSummary r : rows) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("ContainerName", r.container());
      o.put("Repository", r.repository());
      o.put("Tag", r.tag());
      o.put("ID", r.imageId() == null ? "" : r.imageId());
      o.put("Size", r.sizeBytes());
      array.add(o);
    }
    return Json.write(array) + "\n";
  }
}
