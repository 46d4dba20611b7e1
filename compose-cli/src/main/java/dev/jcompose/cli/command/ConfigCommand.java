package dev.jcompose.cli.command;

import dev.jcompose.model.ProjectLoader;
import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.api.LoadOptions;
import dev.jcompose.model.api.LoadResult;
import dev.jcompose.model.output.ConfigRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose config}: parse, resolve and print the compose model in canonical form, exactly as
 * {@code docker compose config} prints it (cmd/compose/config.go): YAML by default, JSON with
 * {@code --format json}; or one name per line with {@code --services/--volumes/--networks/
 * --profiles/--images}; {@code -q} only validates. Errors are one line (file:line:col: path: what).
 */
@Command(
    name = "config",
    description = "Parse, resolve and render compose file in canonical format")
public final class ConfigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Format the output. Values: [yaml | json]")
  String format = "yaml";

  @Option(
      names = {"-q", "--quiet"},
      description = "Only validate the configuration, don't print anything")
  boolean quiet;

  @Option(names = "--no-interpolate", description = "Don't interpolate environment variables")
  boolean noInterpolate;

  @Option(names = "--services", description = "Print the service names, one per line.")
  boolean services;

  @Option(names = "--volumes", description = "Print the volume names, one per line.")
  boolean volumes;

  @Option(names = "--networks", description = "Print the network names, one per line.")
  boolean networks;

  @Option(names = "--profiles", description = "Print the profile names, one per line.")
  boolean profiles;

  @Option(names = "--images", description = "Print the image names, one per line.")
  boolean images;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Save to file (default to stdout)")
  Path output;

  @Option(
      names = "--hash",
      paramLabel = "SERVICES",
      description = "Print the service config hash, one per line.")
  String hash;

  @Option(names = "--variables", description = "Print model variables and default values.")
  boolean variables;

  @Option(names = "--environment", description = "Print environment used for interpolation.")
  boolean environment;

  @Option(names = "--no-normalize", description = "Don't normalize compose model")
  boolean noNormalize;

  @Option(names = "--resolve-image-digests", description = "Pin image tags to digests")
  boolean resolveImageDigests;

  @Parameters(
      paramLabel = "SERVICE",
      arity = "0..*",
      description = "Services to render (with their dependencies)")
  List<String> selected = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
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
        hash != null ? ConfigModes.hashes(result, hash) : ConfigListings.lines(this, result);
    if (lines != null) {
      lines.forEach(out::println);
      out.flush();
      return 0;
    }
    Map<String, Object> model = ConfigListings.selected(result, selected);
    if (resolveImageDigests) {
      model = ConfigModes.pinDigests(model, CommandContext.compose(spec));
    }
    print(ConfigRenderer.render(model, format(), !noInterpolate));
    return 0;
  }

  private void print(String text) throws IOException {
    if (output != null) {
      Files.writeString(output, text, StandardCharsets.UTF_8);
    } else {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
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
    return CommandContext.options(spec).toLoadOptions(!noInterpolate);
  }
}
