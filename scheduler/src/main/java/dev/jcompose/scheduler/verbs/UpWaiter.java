package dev.jcompose.scheduler.verbs;

import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.health.HealthSpec;
import dev.jcompose.scheduler.names.Labels;
import dev.jcompose.scheduler.ops.EngineContext;
import dev.jcompose.scheduler.ops.Progress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code up --wait}: every container must become healthy (with a healthcheck) or be running
 * (without); a one-shot container that exited 0 counts as success, as users asked docker for.
 */
final class UpWaiter {
  private UpWaiter() {}

  static void await(
      EngineContext ctx,
      List<ContainerState> containers,
      Integer timeoutSeconds,
      Progress progress) {
    CompletableFuture<?>[] all =
        containers.stream().map(c -> one(ctx, c, progress)).toArray(CompletableFuture[]::new);
    try {
      if (timeoutSeconds == null) {
        CompletableFuture.allOf(all).get();
      } else {
        CompletableFuture.allOf(all).get(timeoutSeconds, TimeUnit.SECONDS);
      }
    } catch (TimeoutException e) {
      throw new ComposeException(
          ComposeException.Kind.UNAVAILABLE,
          "timeout waiting for the project to be running/healthy");
    } catch (ExecutionException e) {
      Throwable c =
          e.getCause() instanceof CompletionException ce && ce.getCause() != null
              ? ce.getCause()
              : e.getCause();
      throw c instanceof ComposeException ce2
          ? ce2
          : new ComposeException(ComposeException.Kind.UNAVAILABLE, c.getMessage(), c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ComposeException(ComposeException.Kind.UNAVAILABLE, "interrupted while waiting");
    }
  }

  private static CompletableFuture<Void> one(
      EngineContext ctx, ContainerState c, Progress progress) {
    if (c.status() == ContainerState.Status.EXITED) {
      return exitedOk(c.id(), c.exit() == null ? 0 : c.exit().exitCode());
    }
    if (c.status() != ContainerState.Status.RUNNING
        || HealthSpec.decode(c.labels().get(Labels.HEALTHCHECK)) == null) {
      return CompletableFuture.completedFuture(null);
    }
    progress.container(c.id(), "Waiting");
    return ctx.health()
        .awaitHealthy(c.id(), c.labels())
        .thenRun(() -> progress.container(c.id(), "Healthy"))
        .exceptionallyCompose(
            err ->
                ctx.runtime()
                    .state(c.id())
                    .filter(s -> s.status() == ContainerState.Status.EXITED)
                    .map(s -> exitedOk(c.id(), s.exit() == null ? 0 : s.exit().exitCode()))
                    .orElse(CompletableFuture.failedFuture(err)));
  }

  private static CompletableFuture<Void> exitedOk(String name, int code) {
    return code == 0
        ? CompletableFuture.completedFuture(null)
        : CompletableFuture.failedFuture(
            new ComposeException(
                ComposeException.Kind.UNAVAILABLE, "container " + name + " exited (" + code + ")"));
  }
}
