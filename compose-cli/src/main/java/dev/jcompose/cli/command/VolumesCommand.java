package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;

/**
 * {@code jcompose volumes}: docker compose's name for {@code volume ls} (the project's volumes).
 */
public final class VolumesCommand implements Command {
  private static final VerbSpec SPEC =
      VerbSpec.of("List volumes", "volumes")
          .options(VolumeCommand.Ls.SPEC.options().toArray(new Opt[0]))
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Args args) {
    return new VolumeCommand.Ls().run(args);
  }
}
