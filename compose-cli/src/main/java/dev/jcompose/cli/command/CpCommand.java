package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
import dev.jcompose.scheduler.api.CopyOptions;

/**
 * {@code jcompose cp SERVICE:SRC_PATH DEST_PATH|-} and {@code cp SRC_PATH|- SERVICE:DEST_PATH}:
 * copies between a service's running container and the host, or a tar stream on stdio ({@code -});
 * docker cp's rules for where a copy lands. Container paths never resolve out of the container's
 * root, whatever symlinks it holds.
 */
public final class CpCommand implements Command {
  private static final Opt ALL = Opt.flag("Include containers created by the run command", "--all");
  private static final Opt ARCHIVE =
      Opt.flag("Archive mode (copy all uid/gid information)", "-a", "--archive");
  private static final Opt FOLLOW_LINK =
      Opt.flag("Always follow symbol link in SRC_PATH", "-L", "--follow-link");
  private static final Opt INDEX =
      Opt.value("N", "Index of the container if service has multiple replicas", "--index");
  static final VerbSpec SPEC =
      VerbSpec.of("Copy files/folders between a service container and the local filesystem", "cp")
          .operands("SRC DEST", 2, 2)
          .options(ALL, ARCHIVE, FOLLOW_LINK, INDEX)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  String source;

  String destination;

  boolean all;

  boolean archive;

  boolean followLink;

  int index;

  @Override
  public int run(Args args) {
    source = args.operand(0);
    destination = args.operand(1);
    all = args.has(ALL);
    archive = args.has(ARCHIVE);
    followLink = args.has(FOLLOW_LINK);
    index = args.integer(INDEX, 0);
    CommandContext.compose(args)
        .copy(
            CommandContext.projectName(args),
            new CopyOptions(source, destination, index, all, archive, followLink),
            Invocation.current().in(),
            Invocation.current().out());
    Invocation.current().out().flush();
    return 0;
  }
}
