package dev.jcompose.cli.command;

import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.DownOptions;
import dev.jcompose.scheduler.api.PsOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose wait}: blocks until the services' containers have stopped, printing each exit
 * code as its container stops; returns the first code. With {@code --down-project} the project is
 * taken down as soon as the first container stops.
 */
@Command(name = "wait", description = "Block until containers of all (or specified) services stop.")
public final class WaitCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE")
  List<String> services = new ArrayList<>();

  @Option(names = "--down-project", description = "Drops project when the first container stops")
  boolean downProject;

  @Override
  public Integer call() throws Exception {
    String project = CommandContext.projectName(spec);
    ComposeService compose = CommandContext.compose(spec);
    List<ContainerSummary> containers =
        compose.ps(project, new PsOptions(services, true, List.of())).stream()
            .filter(
                c ->
                    c.labels() == null
                        || !"True".equals(c.labels().get("com.docker.compose.oneoff")))
            .toList();
    if (containers.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "no containers for project \"" + project + "\"");
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            containers.size(),
            r -> {
              Thread t = new Thread(r, "wait");
              t.setDaemon(true);
              return t;
            });
    try {
      ExecutorCompletionService<Integer> exits = new ExecutorCompletionService<>(pool);
      containers.forEach(c -> exits.submit(() -> compose.waitExit(c.name())));
      Integer first = null;
      for (int i = 0; i < containers.size(); i++) {
        Future<Integer> done = exits.take();
        int code = done.get();
        System.out.println(code);
        System.out.flush();
        if (first == null) {
          first = code;
          if (downProject) {
            compose.down(
                project,
                CommandContext.projectIfAvailable(spec),
                DownOptions.defaults(),
                CommandContext.progress(spec));
            break;
          }
        }
      }
      return first;
    } finally {
      pool.shutdownNow();
    }
  }
}
