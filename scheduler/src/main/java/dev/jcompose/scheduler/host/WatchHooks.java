package dev.jcompose.scheduler.host;

import dev.jcompose.model.api.DevelopConfig;
import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ExecSession;
import dev.jcompose.runtime.api.ExecSpec;
import dev.jcompose.scheduler.watch.WatchSession;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the {@code sync+exec} hooks of watch rules as execs in the service's containers, with the
 * hook's output on this process's stdout and stderr, as docker compose shows it.
 */
final class WatchHooks implements WatchSession.HookRunner {
  // a hook that runs longer is abandoned: watch must go on with the next batch
  private static final long TIMEOUT_MINUTES = 5;
  private final ContainerRuntime runtime;
  private final PrintStream out;
  private final PrintStream err;

  WatchHooks(ContainerRuntime runtime, PrintStream out, PrintStream err) {
    this.runtime = runtime;
    this.out = out;
    this.err = err;
  }

  @Override
  public int run(String container, DevelopConfig.ExecHook hook) {
    List<String> env = new ArrayList<>();
    hook.environment().forEach((k, v) -> env.add(k + "=" + v));
    ExecSession s =
        runtime.exec(
            container,
            new ExecSpec(hook.command(), env, hook.workingDir(), hook.user(), false, false));
    try {
      s.stdin().close(); // hooks get no input
      s.stdout().transferTo(out);
      s.stderr().transferTo(err);
      return s.exitCode().get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (IOException | ExecutionException | TimeoutException e) {
      return -1;
    }
  }
}
