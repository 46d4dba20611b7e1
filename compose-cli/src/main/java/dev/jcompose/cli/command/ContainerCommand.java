package dev.jcompose.cli.command;

import dev.jcompose.cli.output.GoTemplate;
import dev.jcompose.cli.output.InspectJson;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ContainerRef;
import dev.jcompose.scheduler.api.FileChange;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose container inspect|diff CONTAINER...}: one container as docker's {@code container
 * inspect} and {@code diff} show it. CONTAINER is a container's name ({@code shop-web-1}) or a
 * service of the current project (its first replica, or {@code --index}).
 */
@Command(
    name = "container",
    description = "Inspect containers",
    subcommands = {ContainerCommand.Inspect.class, ContainerCommand.Diff.class})
public final class ContainerCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Tries {@code arg} as a container name, then as a service of the current project. */
  static <T> T resolve(
      CommandLine.Model.CommandSpec spec, String arg, int index, Function<ContainerRef, T> call) {
    try {
      return call.apply(ContainerRef.named(arg));
    } catch (ComposeException e) {
      if (e.kind() != ComposeException.Kind.NOT_FOUND
          && e.kind() != ComposeException.Kind.INVALID) {
        throw e;
      }
      String project;
      try {
        project = CommandContext.projectName(spec);
      } catch (RuntimeException noProject) {
        throw e;
      }
      return call.apply(ContainerRef.of(project, arg, index));
    }
  }

  @Command(name = "inspect", description = "Display detailed information on one or more containers")
  static final class Inspect implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers = new ArrayList<>();

    @Option(
        names = "--index",
        paramLabel = "N",
        defaultValue = "1",
        description = "Replica of a service named instead of a container")
    int index;

    @Option(
        names = "--format",
        paramLabel = "TEMPLATE",
        description = "Format output using a Go template")
    String format;

    @Override
    public Integer call() {
      ComposeService compose = CommandContext.compose(spec);
      List<Map<String, Object>> docs = new ArrayList<>();
      for (String c : containers) {
        docs.add(InspectJson.container(resolve(spec, c, index, compose::inspect)));
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          format == null
              ? Json.pretty(docs)
              : GoTemplate.parse(format).render(docs, Map.of()).stripTrailing());
      out.flush();
      return 0;
    }
  }

  /** {@code container diff}: A (added), C (changed) and D (deleted) paths against the image. */
  @Command(
      name = "diff",
      description = "Inspect changes to files or directories on a container's filesystem")
  static final class Diff implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Option(
        names = "--index",
        paramLabel = "N",
        defaultValue = "1",
        description = "Replica of a service named instead of a container")
    int index;

    @Override
    public Integer call() {
      ComposeService compose = CommandContext.compose(spec);
      PrintWriter out = spec.commandLine().getOut();
      for (FileChange c : resolve(spec, container, index, compose::diff)) {
        out.println(c.kind() + " " + c.path());
      }
      out.flush();
      return 0;
    }
  }
}
