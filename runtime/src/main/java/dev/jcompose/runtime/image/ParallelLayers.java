package dev.jcompose.runtime.image;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntToLongFunction;

/**
 * Runs one task per layer on at most {@code parallelism} threads and sums their results. The first
 * failure (in layer order) is rethrown after cancelling the rest and letting the running ones end
 * (for at most {@link #SETTLE}), so their scratch files are gone when the caller hears of the
 * failure (a full disk fails every layer at once); threads are daemons so a stuck download cannot
 * keep the JVM alive.
 */
final class ParallelLayers {
  private static final Duration SETTLE = Duration.ofSeconds(30);
  private final int parallelism;

  ParallelLayers(int parallelism) {
    this.parallelism = Math.max(1, parallelism);
  }

  long run(int count, IntToLongFunction task) {
    if (count == 0) {
      return 0;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(parallelism, count),
            r -> {
              Thread t = new Thread(r, "jcompose-layer");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<Long>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(pool.submit(() -> task.applyAsLong(index)));
      }
      long total = 0;
      for (Future<Long> f : futures) {
        total += await(f);
      }
      return total;
    } catch (RuntimeException e) {
      pool.shutdownNow();
      settle(pool);
      throw e;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void settle(ExecutorService pool) {
    try {
      pool.awaitTermination(SETTLE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long await(Future<Long> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new ContainerException(
          Kind.INTERNAL, "layer task failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContainerException(Kind.UNAVAILABLE, "interrupted while pulling layers", e);
    }
  }
}
