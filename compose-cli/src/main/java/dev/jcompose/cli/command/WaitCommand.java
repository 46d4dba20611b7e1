package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.DownOptions;
import dev.jcompose.scheduler.api.PsOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code jcompose wait}: blocks until the services' containers have stopped, printing each exit
 * code as its container stops; returns the first code. With {@code --down-project} the project is
 * taken down as soon as the first container stops.
 */
public final class WaitCommand implements Command {
  private static final Opt DOWN_PROJECT =
      Opt.flag("Drops project when the first container stops", "--down-project");
  static final VerbSpec SPEC =
      VerbSpec.of("Block until containers of all (or specified) services stop.", "wait")
          .services()
          .options(DOWN_PROJECT)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  List<String> services = new ArrayList<>();

  boolean downProject;

  @Override
  public int run(Args args) throws Exception {
    services = new ArrayList<>(args.operandsFrom(0));
    downProject = args.has(DOWN_PROJECT);
    String project = CommandContext.projectName(args);
    ComposeService compose = CommandContext.compose(args);
    List<ContainerSummary> containers =
        compose.ps(project, new PsOptions(services, true, List.of())).stream()
            .filter(
                c ->
                    c.labels() == null
                        || !"True".equals(c.labels().get("com.docker.compose.oneoff")))
            .toList();
    if (containers.isEmpty()) {
      throw args.usage("no containers for project \"" + project + "\"");
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
        Invocation.current().out().println(code);
        Invocation.current().out().flush();
        if (first == null) {
          first = code;
          if (downProject) {
            compose.down(
                project,
                CommandContext.projectIfAvailable(args),
                DownOptions.defaults(),
                CommandContext.progress(args));
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
