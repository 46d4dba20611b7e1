package dev.jcompose.cli.command;

import dev.jcompose.cli.output.GoTemplate;
import dev.jcompose.cli.output.InspectJson;
import dev.jcompose.cli.output.Units;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.HumanDuration;
import dev.jcompose.scheduler.api.ImageDetails;
import dev.jcompose.scheduler.api.PruneReport;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
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
 * {@code jcompose image ls|rm|prune|inspect|save|load|tag}: the host's local image store as {@code
 * docker image} shows it. No engine needed. {@code save} writes the layout docker 25+ writes
 * (docker-archive and OCI layout in one tarball); {@code load} reads either.
 */
@Command(
    name = "image",
    description = "Manage images",
    subcommands = {
      ImageCommand.Ls.class,
      ImageCommand.Rm.class,
      ImageCommand.Prune.class,
      ImageCommand.Inspect.class,
      ImageCommand.Save.class,
      ImageCommand.Load.class,
      ImageCommand.Tag.class
    })
public final class ImageCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final Map<String, String> HEADERS =
      Map.of(
          "ID",
          "IMAGE ID",
          "Repository",
          "REPOSITORY",
          "Tag",
          "TAG",
          "CreatedSince",
          "CREATED",
          "Size",
          "SIZE",
          "Digest",
          "DIGEST",
          "CreatedAt",
          "CREATED AT");

  /** {@code image ls}: one row per tag (an untagged image shows {@code <none>}). */
  @Command(name = "ls", aliases = "list", description = "List images")
  static final class Ls implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-q", "--quiet"},
        description = "Only show image IDs")
    boolean quiet;

    @Option(names = "--no-trunc", description = "Don't truncate output")
    boolean noTrunc;

    @Option(
        names = "--format",
        defaultValue = "table",
        description = "Format output: 'table', 'table TEMPLATE', 'json' or 'TEMPLATE'")
    String format;

    @Parameters(paramLabel = "REPOSITORY", arity = "0..1")
    String repository;

    @Override
    public Integer call() {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (ImageDetails i : CommandContext.compose(spec).imageList(List.of())) {
        List<String> tags = i.repoTags().isEmpty() ? List.of("<none>:<none>") : i.repoTags();
        for (String t : tags) {
          int colon = t.lastIndexOf(':');
          String repo = t.substring(0, colon);
          if (repository == null || repo.equals(repository)) {
            rows.add(row(i, repo, t.substring(colon + 1)));
          }
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      if (quiet) {
        rows.stream().map(r -> (String) r.get("ID")).distinct().forEach(out::println);
      } else {
        String template =
            format.equals("table")
                ? "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}"
                : format.equals("json") ? "{{json .}}" : format;
        out.print(GoTemplate.parse(template).render(rows, HEADERS));
      }
      out.flush();
      return 0;
    }

    private Map<String, Object> row(ImageDetails i, String repo, String tag) {
      Map<String, Object> m = new LinkedHashMap<>();
      String id = i.id().replace("sha256:", "");
      m.put("Containers", "N/A");
      m.put("CreatedAt", i.created() == null ? "" : i.created().toString());
      m.put(
          "CreatedSince",
          i.created() == null
              ? "N/A"
              : HumanDuration.of(Duration.between(i.created(), Instant.now())) + " ago");
      m.put(
          "Digest",
          i.repoDigests().isEmpty() ? "<none>" : i.repoDigests().get(0).replaceFirst(".*@", ""));
      m.put("ID", noTrunc ? i.id() : id.substring(0, Math.min(12, id.length())));
      m.put("Repository", repo);
      m.put("SharedSize", "N/A");
      m.put("Size", Units.decimal(i.size()));
      m.put("Tag", tag);
      m.put("UniqueSize", "N/A");
      m.put("VirtualSize", Units.decimal(i.size()));
      return m;
    }
  }

  /** {@code image rm IMAGE...}: untags, and deletes an image with its last tag. */
  @Command(name = "rm", aliases = "remove", description = "Remove one or more images")
  static final class Rm implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<String> images = new ArrayList<>();

    @Option(names = "--force", description = "Force removal of the image")
    boolean force;

    @Override
    public Integer call() {
      CommandContext.compose(spec)
          .imageRemove(images, force, CommandContext.progress(spec))
          .forEach(spec.commandLine().getOut()::println);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** {@code image prune}: images no container uses; untagged ones only unless {@code -a}. */
  @Command(name = "prune", description = "Remove unused images")
  static final class Prune implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-a", "--all"},
        description = "Remove all unused images, not just dangling ones")
    boolean all;

    @Option(names = "--force", description = "Do not prompt for confirmation")
    boolean force;

    @Override
    public Integer call() throws IOException {
      String what =
          all
              ? "all images without at least one container associated to them"
              : "all dangling images";
      if (!force && !Confirm.ask("WARNING! This will remove " + what + ".")) {
        return 0;
      }
      PruneReport r = CommandContext.compose(spec).imagePrune(all, CommandContext.progress(spec));
      PrintWriter out = spec.commandLine().getOut();
      if (!r.images().isEmpty()) {
        out.println("Deleted Images:");
        r.images().forEach(i -> out.println("deleted: " + i));
        out.println();
      }
      out.println("Total reclaimed space: " + Units.decimal(r.reclaimedBytes()));
      out.flush();
      return 0;
    }
  }

  @Command(name = "inspect", description = "Display detailed information on one or more images")
  static final class Inspect implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<String> images = new ArrayList<>();

    @Option(
        names = "--format",
        paramLabel = "TEMPLATE",
        description = "Format output using a Go template")
    String format;

    @Override
    public Integer call() {
      List<Map<String, Object>> docs =
          CommandContext.compose(spec).imageList(images).stream().map(InspectJson::image).toList();
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          format == null
              ? Json.pretty(docs)
              : GoTemplate.parse(format).render(docs, Map.of()).stripTrailing());
      out.flush();
      return 0;
    }
  }

  /** {@code image save IMAGE... [-o FILE]}: a tarball {@code docker load} and skopeo read. */
  @Command(
      name = "save",
      description = "Save one or more images to a tar archive (streamed to STDOUT by default)")
  static final class Save implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<String> images = new ArrayList<>();

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Write to a file, instead of STDOUT")
    Path output;

    @Override
    public Integer call() throws IOException {
      if (output == null && Terminal.attached()) {
        throw new ComposeException(
            ComposeException.Kind.INVALID,
            "cowardly refusing to save to a terminal. Use the -o flag or redirect");
      }
      if (output == null) {
        OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        CommandContext.compose(spec).imageSave(images, out);
        out.flush();
        return 0;
      }
      Path temp = output.resolveSibling(output.getFileName() + ".part");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
        CommandContext.compose(spec).imageSave(images, out);
      } catch (RuntimeException e) {
        Files.deleteIfExists(temp);
        throw e;
      }
      Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING);
      return 0;
    }
  }

  /** {@code image load [-i FILE]}: a docker-archive or OCI-layout tarball into the store. */
  @Command(name = "load", description = "Load an image from a tar archive or STDIN")
  static final class Load implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-i", "--input"},
        paramLabel = "FILE",
        description = "Read from tar archive file, instead of STDIN")
    Path input;

    @Option(
        names = {"-q", "--quiet"},
        description = "Suppress the load output")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
      List<String> loaded;
      try (InputStream in =
          new BufferedInputStream(
              input == null ? System.in : Files.newInputStream(input), 1 << 16)) {
        loaded =
            CommandContext.compose(spec)
                .imageLoad(in, quiet ? CommandContext.quiet() : CommandContext.progress(spec));
      }
      loaded.forEach(
          r ->
              spec.commandLine()
                  .getOut()
                  .println(
                      r.startsWith("sha256:") ? "Loaded image ID: " + r : "Loaded image: " + r));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(name = "tag", description = "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE")
  static final class Tag implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE_IMAGE")
    String source;

    @Parameters(index = "1", paramLabel = "TARGET_IMAGE")
    String target;

    @Override
    public Integer call() {
      CommandContext.compose(spec).imageTag(source, target);
      return 0;
    }
  }
}
