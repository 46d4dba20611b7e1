package dev.jcompose.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.cli.output.TabTable;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.ImageService;
import dev.jcompose.runtime.image.ImageReference;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.PsOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose images}: the images the project's containers use, as docker compose lists them
 * (CONTAINER REPOSITORY TAG IMAGE ID SIZE), looked up in the local image store. Services without
 * containers (or when the engine cannot list them) get a row with an empty CONTAINER column.
 */
@Command(name = "images", description = "List images used by the created containers")
public final class ImagesCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE", description = "Only these services")
  List<String> services = new ArrayList<>();

  @Option(names = {"-q", "--quiet"}, description = "Only display IDs")
  boolean quiet;

  @Option(names = "--format", defaultValue = "table", description = "Format the output: table or json")
  String format;

  /** One output row; {@code image} is empty when the image is not in the local store. */
  record Row(String container, String reference, Optional<ImageHandle> image) {}

  @Override
  public Integer call() throws Exception {
    if (!format.equals("table") && !format.equals("json")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "unknown format '" + format + "': use table or json");
    }
    Project project = CommandContext.loadProject(spec);
    ImageService store = PullCommand.images.get();
    List<Row> rows = new ArrayList<>();
    for (Usage u : usages(project)) {
      rows.add(new Row(u.container(), u.image(), store.find(u.image())));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(quiet ? ids(rows) : format.equals("json") ? json(rows) : table(rows));
    out.flush();
    return 0;
  }

  private record Usage(String container, String image) {}

  // Containers first, like docker compose; a service without containers still gets a row
  // (empty CONTAINER) so the user sees whether its image is local.
  private List<Usage> usages(Project project) {
    List<ContainerSummary> containers = containers(project);
    List<Usage> usages = new ArrayList<>();
    project.services().forEach((name, svc) -> {
      if (!services.isEmpty() && !services.contains(name)) {
        return;
      }
      List<ContainerSummary> own = containers.stream().filter(c -> c.service().equals(name)).sorted(Comparator.comparing(ContainerSummary::name)).toList();
      own.forEach(c -> usages.add(new Usage(c.name(), c.image() != null && !c.image().isEmpty() ? c.image() : imageOf(project, svc))));
      if (own.isEmpty()) {
        usages.add(new Usage("", imageOf(project, svc)));
      }
    });
    return usages;
  }

  private List<ContainerSummary> containers(Project project) {
    try {
      return CommandContext.engine.get().ps(project.name(), new PsOptions(services, true, List.of()));
    } catch (RuntimeException engineUnavailable) {
      return List.of();
    }
  }

  // docker compose names the image of a build-only service <project>-<service>
  private static String imageOf(Project project, Service svc) {
    return svc.image() != null ? svc.image() : project.name() + "-" + svc.name();
  }

  private static String ids(List<Row> rows) {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    rows.forEach(r -> r.image().ifPresent(i -> ids.add(i.imageId())));
    StringBuilder sb = new StringBuilder();
    ids.forEach(id -> sb.append(id).append('\n'));
    return sb.toString();
  }

  private static String table(List<Row> rows) {
    TabTable t = new TabTable().row(List.of("CONTAINER", "REPOSITORY", "TAG", "IMAGE ID", "SIZE"));
    for (Row r : rows) {
      String[] repoTag = repositoryAndTag(r.reference());
      t.row(List.of(r.container(), repoTag[0], repoTag[1],
          r.image().map(i -> i.imageId().substring(7, 19)).orElse("<none>"),
          r.image().map(i -> humanSize(i.sizeBytes())).orElse("-")));
    }
    return t.render();
  }

  private static String json(List<Row> rows) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ArrayNode array = mapper.createArrayNode();
    for (Row r : rows) {
      String[] repoTag = repositoryAndTag(r.reference());
      ObjectNode o = array.addObject().put("ContainerName", r.container()).put("Repository", repoTag[0]).put("Tag", repoTag[1]);
      o.put("ID", r.image().map(ImageHandle::imageId).orElse(""));
      o.put("Size", r.image().map(ImageHandle::sizeBytes).orElse(0L));
    }
    return mapper.writeValueAsString(array) + "\n";
  }

  private static String[] repositoryAndTag(String reference) {
    try {
      ImageReference ref = ImageReference.parse(reference);
      return new String[] {ref.familiarRepository(), ref.tag() != null ? ref.tag() : "<none>"};
    } catch (RuntimeException invalid) {
      return new String[] {reference, ""};
    }
  }

  /** docker's units.HumanSizeWithPrecision(size, 3): decimal units, 3 significant digits. */
  static String humanSize(long bytes) {
    String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
    double size = bytes;
    int unit = 0;
    while (size >= 1000 && unit < units.length - 1) {
      size /= 1000;
      unit++;
    }
    String number = String.format(Locale.ROOT, "%.3g", size);
    if (number.contains(".") && !number.contains("e")) {
      number = number.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return number + units[unit];
  }
}
