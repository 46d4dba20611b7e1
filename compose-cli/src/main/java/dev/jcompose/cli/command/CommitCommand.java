package dev.jcompose.cli.command;

import dev.jcompose.scheduler.api.CommitOptions;
import dev.jcompose.scheduler.api.ContainerRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose commit SERVICE [REPOSITORY[:TAG]]}: a new local image from the service
 * container's changes (frozen while read, unless {@code -p=false}); prints the image's name or id.
 */
@Command(name = "commit", description = "Create a new image from a service container's changes")
public final class CommitCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  @Parameters(index = "1", arity = "0..1", paramLabel = "REPOSITORY[:TAG]")
  String reference;

  @Option(
      names = {"-a", "--author"},
      paramLabel = "AUTHOR",
      description = "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")")
  String author;

  @Option(
      names = {"-c", "--change"},
      paramLabel = "INSTRUCTION",
      description = "Apply Dockerfile instruction to the created image")
  List<String> changes = new ArrayList<>();

  @Option(
      names = {"-m", "--message"},
      paramLabel = "MESSAGE",
      description = "Commit message")
  String message;

  @Option(
      names = "--pause",
      defaultValue = "true",
      fallbackValue = "true",
      arity = "0..1",
      description = "Pause container during commit")
  boolean pause;

  @Option(
      names = "--index",
      paramLabel = "N",
      defaultValue = "1",
      description = "index of the container if service has multiple replicas.")
  int index;

  @Override
  public Integer call() {
    ContainerRef ref = ContainerRef.of(CommandContext.projectName(spec), service, index);
    String made =
        CommandContext.compose(spec)
            .commit(new CommitOptions(ref, reference, author, message, changes, pause));
    spec.commandLine().getOut().println(made);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
