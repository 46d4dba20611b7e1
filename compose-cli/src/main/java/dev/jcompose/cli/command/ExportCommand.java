package dev.jcompose.cli.command;

import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ContainerRef;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose export SERVICE}: the container's filesystem (no volumes) as a tar archive, on
 * stdout or to {@code -o}.
 */
@Command(name = "export", description = "Export a service container's filesystem as a tar archive")
public final class ExportCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  @Option(
      names = "--index",
      paramLabel = "N",
      defaultValue = "1",
      description = "index of the container if service has multiple replicas.")
  int index;

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
          "refusing to write a tar archive to a terminal: use -o FILE or redirect the output");
    }
    ContainerRef ref = ContainerRef.of(CommandContext.projectName(spec), service, index);
    if (output == null) {
      OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
      CommandContext.compose(spec).export(ref, out);
      out.flush();
      return 0;
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
      CommandContext.compose(spec).export(ref, out);
    }
    return 0;
  }
}
