package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
import dev.jcompose.cli.output.GoTemplate;
import dev.jcompose.cli.output.InspectJson;
import dev.jcompose.cli.output.Units;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.HumanDuration;
import dev.jcompose.scheduler.api.ImageDetails;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code jcompose image ls|rm|prune|inspect|save|load|tag}: the host's local image store as {@code
 * docker image} shows it. No engine needed. {@code save} writes the layout docker 25+ writes
 * (docker-archive and OCI layout in one tarball); {@code load} reads either.
 */
public final class ImageCommand extends Group {
  public ImageCommand() {
    super(
        "image",
        "Manage images",
        List.of(
            Sub.of(Ls.SPEC, Ls::new, "list"),
            Sub.of(Rm.SPEC, Rm::new, "remove"),
            Sub.of(Prune.SPEC, Prune::new),
            Sub.of(Inspect.SPEC, Inspect::new),
            Sub.of(Save.SPEC, Save::new),
            Sub.of(Load.SPEC, Load::new),
            Sub.of(Tag.SPEC, Tag::new)));
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
  static final class Ls implements Command {
    private static final Opt QUIET = Opt.flag("Only show image IDs", "-q", "--quiet");
    private static final Opt NO_TRUNC = Opt.flag("Don't truncate output", "--no-trunc");
    private static final Opt FORMAT =
        Opt.value(
            "FORMAT", "Format output: 'table', 'table TEMPLATE', 'json' or 'TEMPLATE'", "--format");
    static final VerbSpec SPEC =
        VerbSpec.of("List images", "image", "ls")
            .operands("[REPOSITORY]", 0, 1)
            .options(QUIET, NO_TRUNC, FORMAT)
            .build();

    @Override
    public VerbSpec spec() {
      return SPEC;
    }

    boolean quiet;

    boolean noTrunc;

    String format;

    String repository;

    @Override
    public int run(Args args) {
      quiet = args.has(QUIET);
      noTrunc = args.has(NO_TRUNC);
      format = args.get(FORMAT, "table");
      repository = args.operand(0);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (ImageDetails i : CommandContext.compose(args).imageList(List.of())) {
        List<String> tags = i.repoTags().isEmpty() ? List.of("<none>:<none>") : i.repoTags();
        for (String t : tags) {
          int colon = t.lastIndexOf(':');
          String repo = t.substring(0, colon);
          if (repository == null || repo.equals(repository)) {
            rows.add(row(i, repo, t.substring(colon + 1)));
          }
        }
      }
      PrintStream out = CommandContext.out();
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
  static final class Rm implements Command {
    private static final Opt FORCE = Opt.flag("Force removal of the image", "-f", "--force");
    static final VerbSpec SPEC =
        VerbSpec.of("Remove one or more images", "image", "rm")
            .operands("IMAGE...", 1, -1)
            .options(FORCE)
            .build();

    @Override
    public VerbSpec spec() {
      return SPEC;
    }

    List<String> images = new ArrayList<>();

    boolean force;

    @Override
    public int run(Args args) {
      images = new ArrayList<>(args.operandsFrom(0));
      force = args.has(FORCE);
      CommandContext.compose(args)
          .imageRemove(images, force, CommandContext.progress(args))
          .forEach(CommandContext.out()::println);
      CommandContext.out().flush();
      return 0;
    }
  }

  /** {@code image prune}: images no container uses; untagged ones only unless {@code -a}. */
  static final class Prune implements Command {
    private static final Opt ALL =
        Opt.flag("Remove all unused images, not just dangling ones", "-a", "--all");
    private static final Opt FORCE = Opt.flag("Do not prompt for confirmation", "-f", "--force");
    static final VerbSpec SPEC =
        VerbSpec.of("Remove unused images", "image", "prune").options(ALL, FORCE).build();

    @Override
    public VerbSpec spec() {
      return SPEC;
    }

    boolean all;

    boolean force;

    @Override
    public int run(Args args) throws IOException {
      all = args.has(ALL);
      force = args.has(FORCE);
      String what =
          all
              ? "all images without at least one container associated to them"
              : "all dangling images";
      return PruneOutput.confirmAndPrune(
          force,
          "WARNING! This will remove " + what + ".",
          () -> CommandContext.compose(args).imagePrune(all, CommandContext.progress(args)),
          PruneOutput.Section.IMAGES);
    }
  }

  static final class Inspect implements Command {
    private static final Opt FORMAT =
        Opt.value("TEMPLATE", "Format output using a Go template", "-f", "--format");
    static final VerbSpec SPEC =
        VerbSpec.of("Display detailed information on one or more images", "image", "inspect")
            .operands("IMAGE...", 1, -1)
            .options(FORMAT)
            .build();

    @Override
    public VerbSpec spec() {
      return SPEC;
    }

    List<String> images = new ArrayList<>();

    String format;

    @Override
    public int run(Args args) {
      images = new ArrayList<>(args.operandsFrom(0));
      format = args.get(FORMAT, null);
      List<Map<String, Object>> docs =
          CommandContext.compose(args).imageList(images).stream().map(InspectJson::image).toList();
      PrintStream out = CommandContext.out();
      out.println(
          format == null
              ? DockerJson.pretty(docs)
              : GoTemplate.parse(format).render(docs, Map.of()).stripTrailing());
      out.flush();
      return 0;
    }
  }

  /** {@code image save IMAGE... [-o FILE]}: a tarball {@code docker load} and skopeo read. */
  static final class Save implements Command {
    private static final Opt OUTPUT =
        Opt.value("FILE", "Write to a file, instead of STDOUT", "-o", "--output");
    static final VerbSpec SPEC =
        VerbSpec.of(
                "Save one or more images to a tar archive (streamed to STDOUT by default)",
                "image",
                "save")
            .operands("IMAGE...", 1, -1)
            .options(OUTPUT)
            .build();

    @Override
    public VerbSpec spec() {
      return SPEC;
    }

    List<String> images = new ArrayList<>();

    Path output;

    @Override
    public int run(Args args) throws IOException {
      images = new ArrayList<>(args.operandsFrom(0));
      output = args.get(OUTPUT) == null ? null : Path.of(args.get(OUTPUT));
      if (output == null && Terminal.attached()) {
        throw new ComposeException(
            ComposeException.Kind.INVALID,
            "cowardly refusing to save to a terminal. Use the -o flag or redirect");
      }
      if (output == null) {
        OutputStream out = new BufferedOutputStream(Invocation.current().out(), 1 << 16);
        CommandContext.compose(args).imageSave(images, out);
        out.flush();
        return 0;
      }
      Path temp = output.resolveSibling(output.getFileName() + ".part");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
        CommandContext.compose(args).imageSave(images, out);
      } catch (RuntimeException e) {
        Files.deleteIfExists(temp);
        throw e;
      }
      Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING);
      return 0;
    }
  }

  /** {@code image load [-i FILE]}: a docker-archive or OCI-layout tarball into the store. */
  static final class Load implements Command {
    private static final Opt INPUT =
        Opt.value("FILE", "Read from tar archive file, instead of STDIN", "-i", "--input");
    private static final Opt QUIET = Opt.flag("Suppress the load output", "-q", "--quiet");
    static final VerbSpec SPEC =
        VerbSpec.of("Load an image from a tar archive or STDIN", "image", "load")
            .options(INPUT, QUIET)
            .build();

    @Override
    public VerbSpec spec() {
      return SPEC;
    }

    Path input;

    boolean quiet;

    @Override
    public int run(Args args) throws IOException {
      input = args.get(INPUT) == null ? null : Path.of(args.get(INPUT));
      quiet = args.has(QUIET);
      List<String> loaded;
      try (InputStream in =
          new BufferedInputStream(
              input == null ? Invocation.current().in() : Files.newInputStream(input), 1 << 16)) {
        loaded =
            CommandContext.compose(args)
                .imageLoad(in, quiet ? CommandContext.quiet() : CommandContext.progress(args));
      }
      loaded.forEach(
          r ->
              CommandContext.out()
                  .println(
                      r.startsWith("sha256:") ? "Loaded image ID: " + r : "Loaded image: " + r));
      CommandContext.out().flush();
      return 0;
    }
  }

  static final class Tag implements Command {
    static final VerbSpec SPEC =
        VerbSpec.of("Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE", "image", "tag")
            .operands("SOURCE_IMAGE TARGET_IMAGE", 2, 2)
            .build();

    @Override
    public VerbSpec spec() {
      return SPEC;
    }

    String source;

    String target;

    @Override
    public int run(Args args) {
      source = args.operand(0);
      target = args.operand(1);
      CommandContext.compose(args).imageTag(source, target);
      return 0;
    }
  }
}
