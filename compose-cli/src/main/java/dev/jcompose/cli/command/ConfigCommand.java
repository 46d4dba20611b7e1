package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
import dev.jcompose.cli.option.ProjectOptions;
import dev.jcompose.model.ProjectLoader;
import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.api.LoadOptions;
import dev.jcompose.model.api.LoadResult;
import dev.jcompose.model.output.ConfigRenderer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code jcompose config}: parse, resolve and print the compose model in canonical form, exactly as
 * {@code docker compose config} prints it (cmd/compose/config.go): YAML by default, JSON with
 * {@code --format json}; or one name per line with {@code --services/--volumes/--networks/
 * --profiles/--images}; {@code -q} only validates. Errors are one line (file:line:col: path: what).
 */
public final class ConfigCommand implements Command {
  private static final Opt FORMAT =
      Opt.value("FORMAT", "Format the output. Values: [yaml | json]", "--format");
  private static final Opt QUIET =
      Opt.flag("Only validate the configuration, don't print anything", "-q", "--quiet");
  private static final Opt NO_INTERPOLATE =
      Opt.flag("Don't interpolate environment variables", "--no-interpolate");
  static final Opt SERVICES = Opt.flag("Print the service names, one per line.", "--services");
  static final Opt VOLUMES = Opt.flag("Print the volume names, one per line.", "--volumes");
  static final Opt NETWORKS = Opt.flag("Print the network names, one per line.", "--networks");
  static final Opt PROFILES = Opt.flag("Print the profile names, one per line.", "--profiles");
  static final Opt IMAGES = Opt.flag("Print the image names, one per line.", "--images");
  private static final Opt OUTPUT =
      Opt.value("FILE", "Save to file (default to stdout)", "-o", "--output");
  private static final Opt HASH =
      Opt.value("SERVICES", "Print the service config hash, one per line.", "--hash");
  private static final Opt VARIABLES =
      Opt.flag("Print model variables and default values.", "--variables");
  private static final Opt ENVIRONMENT =
      Opt.flag("Print environment used for interpolation.", "--environment");
  private static final Opt NO_NORMALIZE =
      Opt.flag("Don't normalize compose model", "--no-normalize");
  private static final Opt RESOLVE_IMAGE_DIGESTS =
      Opt.flag("Pin image tags to digests", "--resolve-image-digests");
  static final VerbSpec SPEC =
      VerbSpec.of("Parse, resolve and render compose file in canonical format", "config")
          .services()
          .options(
              FORMAT,
              QUIET,
              NO_INTERPOLATE,
              SERVICES,
              VOLUMES,
              NETWORKS,
              PROFILES,
              IMAGES,
              OUTPUT,
              HASH,
              VARIABLES,
              ENVIRONMENT,
              NO_NORMALIZE,
              RESOLVE_IMAGE_DIGESTS)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  String format = "yaml";

  boolean quiet;

  boolean noInterpolate;

  boolean services;

  boolean volumes;

  boolean networks;

  boolean profiles;

  boolean images;

  Path output;

  String hash;

  boolean variables;

  boolean environment;

  boolean noNormalize;

  boolean resolveImageDigests;

  List<String> selected = new ArrayList<>();

  private Args args;

  @Override
  public int run(Args args) throws IOException {
    this.args = args;
    format = args.get(FORMAT, "yaml");
    quiet = args.has(QUIET);
    noInterpolate = args.has(NO_INTERPOLATE);
    services = args.has(SERVICES);
    volumes = args.has(VOLUMES);
    networks = args.has(NETWORKS);
    profiles = args.has(PROFILES);
    images = args.has(IMAGES);
    output = args.get(OUTPUT) == null ? null : Invocation.current().cwd().resolve(args.get(OUTPUT));
    hash = args.get(HASH, null);
    variables = args.has(VARIABLES);
    environment = args.has(ENVIRONMENT);
    noNormalize = args.has(NO_NORMALIZE);
    resolveImageDigests = args.has(RESOLVE_IMAGE_DIGESTS);
    selected = new ArrayList<>(args.operandsFrom(0));
    PrintStream out = CommandContext.out();
    List<String> raw = ConfigModes.rawLines(this, loadOptions());
    if (raw != null) {
      print(String.join("", raw.stream().map(l -> l + "\n").toList()));
      return 0;
    }
    LoadResult result = ProjectLoader.loadDetailed(loadOptions());
    ProjectSource.warn(result);
    if (quiet) {
      return 0;
    }
    List<String> lines =
        hash != null ? ConfigModes.hashes(result, hash) : ConfigListings.lines(args, result);
    if (lines != null) {
      lines.forEach(out::println);
      out.flush();
      return 0;
    }
    Map<String, Object> model = ConfigListings.selected(result, selected);
    if (resolveImageDigests) {
      model = ConfigModes.pinDigests(model, CommandContext.compose(args));
    }
    print(ConfigRenderer.render(model, format(), !noInterpolate));
    return 0;
  }

  private void print(String text) throws IOException {
    if (output != null) {
      Files.writeString(output, text, StandardCharsets.UTF_8);
    } else {
      CommandContext.out().print(text);
      CommandContext.out().flush();
    }
  }

  ConfigRenderer.Format format() {
    return switch (format) {
      case "json" -> ConfigRenderer.Format.JSON;
      case "yaml" -> ConfigRenderer.Format.YAML;
      default -> throw new ComposeFileException("unsupported format \"" + format + "\"");
    };
  }

  private LoadOptions loadOptions() {
    return ProjectOptions.of(args).toLoadOptions(!noInterpolate);
  }
}
