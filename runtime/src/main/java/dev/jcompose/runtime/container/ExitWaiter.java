package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.ExitStatus;
import dev.jcompose.runtime.shim.ShimClient;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Waits for a container's exit by holding a "wait" request open on its monitor's socket (the
 * monitor answers, or closes, once the process is reaped and the exit file written). Works for
 * re-adopted containers because it needs nothing but the socket path.
 */
final class ExitWaiter {
  private static final long SETTLE_POLL_MS = 10;
  private static final int SETTLE_TRIES = 300;

  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "jcshim-exit-wait");
            t.setDaemon(true);
            return t;
          });

  /** {@code observe} re-reads the state; it must report EXITED once the monitor is done. */
  CompletableFuture<ExitStatus> await(ContainerDirs dirs, Supplier<ContainerState> observe) {
    ContainerState now = observe.get();
    if (now.status() == ContainerState.Status.EXITED) {
      return CompletableFuture.completedFuture(now.exit());
    }
    return CompletableFuture.supplyAsync(() -> block(dirs, observe), threads);
  }

  private static ExitStatus block(ContainerDirs dirs, Supplier<ContainerState> observe) {
    try {
      ShimClient.request(dirs.socket(), "wait", Duration.ZERO);
    } catch (IOException e) {
      // monitor already gone: the exit file (or its absence) tells the rest
    }
    for (int i = 0; i < SETTLE_TRIES; i++) {
      ContainerState s = observe.get();
      if (s.status() == ContainerState.Status.EXITED) {
        return s.exit();
      }
      sleep();
    }
    return StateObserver.UNKNOWN_EXIT;
  }

  private static void sleep() {
    try {
      Thread.sleep(SETTLE_POLL_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
