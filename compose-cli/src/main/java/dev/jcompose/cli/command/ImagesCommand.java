package dev.jcompose.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.cli.output.TabTable;
import dev.jcompose.scheduler.api.HumanSize;
import dev.jcompose.scheduler.api.ImageSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose images}: the images the project's containers use, as docker compose lists them
 * (CONTAINER REPOSITORY TAG IMAGE ID SIZE), looked up in the local image store. Services without
 * containers get a row with an empty CONTAINER column.
 */
@Command(name = "images", description = "List images used by the created containers")
public final class ImagesCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE", description = "Only these services")
  List<String> services = new ArrayList<>();

  @Option(
      names = {"-q", "--quiet"},
      description = "Only display IDs")
  boolean quiet;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "Format the output: table or json")
  String format;

  @Override
  public Integer call() throws Exception {
    if (!format.equals("table") && !format.equals("json")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "unknown format '" + format + "': use table or json");
    }
    List<ImageSummary> rows =
        CommandContext.compose(spec).images(CommandContext.loadProject(spec), services);
    PrintWriter out = spec.commandLine().getOut();
    out.print(quiet ? ids(rows) : format.equals("json") ? json(rows) : table(rows));
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

  private static String json(List<ImageSummary> rows) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ArrayNode array = mapper.createArrayNode();
    for (ImageSummary r : rows) {
      ObjectNode o =
          array
              .addObject()
              .put("ContainerName", r.container())
              .put("Repository", r.repository())
              .put("Tag", r.tag());
      o.put("ID", r.imageId() == null ? "" : r.imageId());
      o.put("Size", r.sizeBytes());
    }
    return mapper.writeValueAsString(array) + "\n";
  }
}
