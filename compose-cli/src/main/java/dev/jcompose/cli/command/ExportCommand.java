package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ContainerRef;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code jcompose export SERVICE}: the container's filesystem (no volumes) as a tar archive, on
 * stdout or to {@code -o}.
 */
public final class ExportCommand implements Command {
  private static final Opt INDEX =
      Opt.value("N", "index of the container if service has multiple replicas.", "--index");
  private static final Opt OUTPUT =
      Opt.value("FILE", "Write to a file, instead of STDOUT", "-o", "--output");
  static final VerbSpec SPEC =
      VerbSpec.of("Export a service container's filesystem as a tar archive", "export")
          .operands("SERVICE", 1, 1)
          .options(INDEX, OUTPUT)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  String service;

  int index;

  Path output;

  @Override
  public int run(Args args) throws IOException {
    service = args.operand(0);
    index = args.integer(INDEX, 1);
    output = args.get(OUTPUT) == null ? null : Path.of(args.get(OUTPUT));
    if (output == null && Terminal.attached()) {
      throw new ComposeException(
          ComposeException.Kind.INVALID,
          "refusing to write a tar archive to a terminal: use -o FILE or redirect the output");
    }
    ContainerRef ref = ContainerRef.of(CommandContext.projectName(args), service, index);
    if (output == null) {
      OutputStream out = new BufferedOutputStream(Invocation.current().out(), 1 << 16);
      CommandContext.compose(args).export(ref, out);
      out.flush();
      return 0;
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
      CommandContext.compose(args).export(ref, out);
    }
    return 0;
  }
}
