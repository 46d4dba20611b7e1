package dev.jcompose.scheduler.exec;

import dev.jcompose.scheduler.plan.Op;
import dev.jcompose.scheduler.plan.Plan;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;

/**
 * Runs a {@link Plan}: every operation after its dependencies, independent branches in parallel, at
 * most {@code parallelism} blocking operations at a time. Makes no decisions: a failed operation
 * fails its dependants with a message naming the failed dependency (except a teardown marked {@link
 * Op#EVEN_IF_FAILED}, which runs once they are done), everything else still runs.
 */
public final class PlanExecutor {
  private final ExecutorService pool;
  private final Semaphore permits;
  private final Map<String, Throwable> warnings = new ConcurrentHashMap<>();

  public PlanExecutor(ExecutorService pool, int parallelism) {
    this.pool = pool;
    this.permits = new Semaphore(parallelism);
  }

  /**
   * Outcome per op id: null when it succeeded, else its failure ({@link OptionalFailure} for
   * optional ops, which did not stop anything). Blocks until all are done. One plan per executor
   * instance.
   */
  public Map<String, Throwable> execute(Plan plan, OpRunner runner) {
    Map<String, CompletableFuture<Void>> futures = new LinkedHashMap<>();
    for (Op op : plan.ops()) {
      CompletableFuture<?>[] deps =
          op.deps().stream().map(futures::get).toArray(CompletableFuture[]::new);
      CompletableFuture<Void> f =
          CompletableFuture.allOf(deps)
              .handle(
                  (v, err) -> {
                    if (err != null && !op.evenIfDepsFailed()) {
                      throw new CompletionException(dependencyFailure(op, futures));
                    }
                    return null;
                  })
              .thenComposeAsync(v -> runBounded(runner, op), pool);
      if (op.optional()) {
        // An optional op (required: false dependency) never fails its dependants; its failure is
        // kept as a warning.
        f =
            f.exceptionally(
                err -> {
                  warnings.put(op.id(), unwrap(err));
                  return null;
                });
      }
      futures.put(op.id(), f);
    }
    Map<String, Throwable> out = new LinkedHashMap<>();
    futures.forEach((id, f) -> out.put(id, outcome(f)));
    warnings.forEach((id, w) -> out.put(id, new OptionalFailure(w)));
    return out;
  }

  private CompletableFuture<Void> runBounded(OpRunner runner, Op op) {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<Void> stage;
    try {
      stage = runner.run(op).toCompletableFuture();
    } catch (Exception | Error e) {
      stage = CompletableFuture.failedFuture(e);
    } finally {
      // A wait returns at once with a pending stage; it must not hold a permit while waiting.
      permits.release();
    }
    return stage;
  }

  private static OpFailedException dependencyFailure(
      Op op, Map<String, CompletableFuture<Void>> futures) {
    for (String d : op.deps()) {
      CompletableFuture<Void> f = futures.get(d);
      if (f.isCompletedExceptionally()) {
        Throwable cause = unwrap(outcome(f));
        String msg =
            cause instanceof OpFailedException
                ? cause.getMessage()
                : "dependency " + d + " failed: " + cause.getMessage();
        return new OpFailedException(msg, cause);
      }
    }
    return new OpFailedException("dependency of " + op.id() + " failed", null);
  }

  private static Throwable outcome(CompletableFuture<Void> f) {
    try {
      f.join();
      return null;
    } catch (CompletionException e) {
      return unwrap(e);
    } catch (CancellationException e) {
      return e;
    }
  }

  static Throwable unwrap(Throwable t) {
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
