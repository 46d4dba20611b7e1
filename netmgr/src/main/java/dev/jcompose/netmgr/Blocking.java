package dev.jcompose.netmgr;

import dev.jcompose.netmgr.api.NetworkException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for Vert.x futures from the manager's blocking API, with a bound. */
final class Blocking {
  private static final long TIMEOUT_SECONDS = 15;

  private Blocking() {}

  /** Refuses event-loop threads: the futures may need that very loop to complete. */
  static void checkNotEventLoop() {
    if (Context.isOnEventLoopThread()) {
      throw new IllegalStateException(
          "NetworkManager blocks (ip, nft, socket binds): call it from a worker thread, not an event loop");
    }
  }

  static <T> T await(Future<T> future, String what) {
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new NetworkException(
          NetworkException.Kind.UNAVAILABLE, what + ": " + cause.getMessage(), cause);
    } catch (TimeoutException e) {
      throw new NetworkException(
          NetworkException.Kind.UNAVAILABLE,
          what + ": timed out after " + TIMEOUT_SECONDS + " s",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetworkException(NetworkException.Kind.UNAVAILABLE, what + ": interrupted", e);
    }
  }
}
