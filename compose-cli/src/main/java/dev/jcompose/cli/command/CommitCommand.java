package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.scheduler.api.CommitOptions;
import dev.jcompose.scheduler.api.ContainerRef;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jcompose commit SERVICE [REPOSITORY[:TAG]]}: a new local image from the service
 * container's changes (frozen while read, unless {@code -p=false}); prints the image's name or id.
 */
public final class CommitCommand implements Command {
  private static final Opt AUTHOR =
      Opt.value(
          "AUTHOR",
          "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")",
          "-a",
          "--author");
  private static final Opt CHANGES =
      Opt.value(
          "INSTRUCTION", "Apply Dockerfile instruction to the created image", "-c", "--change");
  private static final Opt MESSAGE = Opt.value("MESSAGE", "Commit message", "-m", "--message");
  private static final Opt PAUSE =
      Opt.flag("Pause container during commit", "-p", "--pause").implicit("true");
  private static final Opt INDEX =
      Opt.value("N", "index of the container if service has multiple replicas.", "--index");
  static final VerbSpec SPEC =
      VerbSpec.of("Create a new image from a service container's changes", "commit")
          .operands("SERVICE [REPOSITORY[:TAG]]", 1, 2)
          .options(AUTHOR, CHANGES, MESSAGE, PAUSE, INDEX)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  String service;

  String reference;

  String author;

  List<String> changes = new ArrayList<>();

  String message;

  boolean pause;

  int index;

  @Override
  public int run(Args args) {
    service = args.operand(0);
    reference = args.operand(1);
    author = args.get(AUTHOR, null);
    changes = new ArrayList<>(args.all(CHANGES));
    message = args.get(MESSAGE, null);
    pause = Boolean.parseBoolean(args.get(PAUSE, "true"));
    index = args.integer(INDEX, 1);
    ContainerRef ref = ContainerRef.of(CommandContext.projectName(args), service, index);
    String made =
        CommandContext.compose(args)
            .commit(new CommitOptions(ref, reference, author, message, changes, pause));
    CommandContext.out().println(made);
    CommandContext.out().flush();
    return 0;
  }
}
