package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.option.ProjectOptions;
import dev.jcompose.model.ProjectLoader;
import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.api.LoadResult;
import dev.jcompose.model.output.ConfigRenderer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
  private static final VerbSpec SPEC =
      VerbSpec.of("Parse, resolve and render compose file in canonical format", "config")
          .operands("[SERVICE...]", 0, -1)
          .options(
              FORMAT, QUIET, NO_INTERPOLATE, SERVICES, VOLUMES, NETWORKS, PROFILES, IMAGES, OUTPUT)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Args args) throws IOException {
    boolean interpolate = !args.has(NO_INTERPOLATE);
    LoadResult result =
        ProjectLoader.loadDetailed(ProjectOptions.of(args).toLoadOptions(interpolate));
    ProjectSource.warn(result);
    if (args.has(QUIET)) {
      return 0;
    }
    PrintStream out = System.out;
    List<String> lines = ConfigListings.lines(args, result);
    if (lines != null) {
      lines.forEach(out::println);
      out.flush();
      return 0;
    }
    String text =
        ConfigRenderer.render(
            ConfigListings.selected(result, args.operands()), format(args), interpolate);
    String output = args.get(OUTPUT);
    if (output != null) {
      Files.writeString(Path.of(output), text, StandardCharsets.UTF_8);
    } else {
      out.print(text);
      out.flush();
    }
    return 0;
  }

  private static ConfigRenderer.Format format(Args args) {
    String format = args.get(FORMAT, "yaml");
    return switch (format) {
      case "json" -> ConfigRenderer.Format.JSON;
      case "yaml" -> ConfigRenderer.Format.YAML;
      default -> throw new ComposeFileException("unsupported format \"" + format + "\"");
    };
  }
}
