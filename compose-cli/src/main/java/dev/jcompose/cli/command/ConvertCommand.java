package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
import dev.jcompose.convert.KubernetesConverter;
import dev.jcompose.convert.api.Conversion;
import dev.jcompose.convert.api.ConvertOptions;
import dev.jcompose.convert.api.Finding;
import dev.jcompose.model.ProjectLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code jcompose convert --format kubernetes [-o DIR]}: the resolved project as Kubernetes
 * manifests (the convert module decides everything). Manifests go to stdout as one YAML stream, or
 * one file per object into DIR; each attribute that could not be kept as written is reported on
 * stderr as {@code warning: file:line:column: attribute: what happens to it}.
 */
public final class ConvertCommand implements Command {
  private static final Opt FORMAT =
      Opt.value("FORMAT", "Target format. Values: [kubernetes]", "--format");
  private static final Opt OUTPUT =
      Opt.value("DIR", "Write one file per object into DIR (default: stdout)", "-o", "--output");
  private static final Opt STORAGE_SIZE =
      Opt.value(
          "SIZE", "Size each PersistentVolumeClaim requests (default: 1Gi)", "--storage-size");
  private static final Opt WAIT_IMAGE =
      Opt.value(
          "IMAGE",
          "Image of the init containers that wait for dependencies (runs kubectl)",
          "--wait-image");
  private static final VerbSpec SPEC =
      VerbSpec.of("Convert the compose project to Kubernetes manifests", "convert")
          .options(FORMAT, OUTPUT, STORAGE_SIZE, WAIT_IMAGE)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Args args) throws IOException {
    String format = args.get(FORMAT, "kubernetes");
    if (!format.equals("kubernetes")) {
      throw args.usage("unsupported format \"" + format + "\": use kubernetes");
    }
    Conversion c =
        KubernetesConverter.convert(
            ProjectLoader.loadDetailed(CommandContext.loadOptions(args)),
            new ConvertOptions(
                args.get(STORAGE_SIZE, ConvertOptions.DEFAULT_STORAGE),
                args.get(WAIT_IMAGE, ConvertOptions.DEFAULT_WAIT_IMAGE),
                Invocation.current().env()));
    PrintStream err = Invocation.current().err();
    for (Finding f : c.findings()) {
      err.println("warning: " + f);
    }
    err.flush();
    String output = args.get(OUTPUT);
    if (output != null) {
      c.writeTo(Path.of(output)).forEach(p -> err.println("wrote " + p));
      err.flush();
    } else {
      PrintStream out = Invocation.current().out();
      out.print(c.yaml());
      out.flush();
    }
    return 0;
  }
}
