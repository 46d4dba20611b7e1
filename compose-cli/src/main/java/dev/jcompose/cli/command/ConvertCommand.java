package dev.jcompose.cli.command;

import dev.jcompose.convert.KubernetesConverter;
import dev.jcompose.convert.api.Conversion;
import dev.jcompose.convert.api.ConvertOptions;
import dev.jcompose.convert.api.Finding;
import dev.jcompose.model.ProjectLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose convert --format kubernetes [-o DIR]}: the resolved project as Kubernetes
 * manifests (the convert module decides everything). Manifests go to stdout as one YAML stream, or
 * one file per object into DIR; each attribute that could not be kept as written is reported on
 * stderr as {@code warning: file:line:column: attribute: what happens to it}.
 */
@Command(name = "convert", description = "Convert the compose project to Kubernetes manifests")
public final class ConvertCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Target format. Values: [kubernetes]")
  String format = "kubernetes";

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "Write one file per object into DIR (default: stdout)")
  Path output;

  @Option(
      names = "--storage-size",
      paramLabel = "SIZE",
      description = "Size each PersistentVolumeClaim requests (default: 1Gi)")
  String storageSize = ConvertOptions.DEFAULT_STORAGE;

  @Option(
      names = "--wait-image",
      paramLabel = "IMAGE",
      description = "Image of the init containers that wait for dependencies (runs kubectl)")
  String waitImage = ConvertOptions.DEFAULT_WAIT_IMAGE;

  @Override
  public Integer call() throws IOException {
    if (!format.equals("kubernetes")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "unsupported format \"" + format + "\": use kubernetes");
    }
    Conversion c =
        KubernetesConverter.convert(
            ProjectLoader.loadDetailed(CommandContext.loadOptions(spec)),
            new ConvertOptions(storageSize, waitImage, System.getenv()));
    PrintWriter err = spec.commandLine().getErr();
    for (Finding f : c.findings()) {
      err.println("warning: " + f);
    }
    err.flush();
    if (output != null) {
      c.writeTo(output).forEach(p -> err.println("wrote " + p));
      err.flush();
    } else {
      PrintWriter out = spec.commandLine().getOut();
      out.print(c.yaml());
      out.flush();
    }
    return 0;
  }
}
