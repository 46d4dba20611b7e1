package dev.jcompose.scheduler.server;

import dev.jcompose.scheduler.api.EngineVerbs;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine API: HTTP/1.1 + JSON on a unix socket, one route per {@link EngineVerbs} method.
 *
 * <p>Lifecycle: {@link #start} binds the socket (which must not exist: the caller holds the
 * instance lock and has removed a stale one) and restricts it to owner and group (0660) before
 * anyone can reach it: bind(2) creates the file with the process umask, so it is bound inside a
 * fresh 0700 folder, chmod-ed there, then renamed into place (a connect follows the name to the
 * same socket inode); {@link #close} stops accepting, closes Vert.x and deletes the socket. Vert.x
 * 5 serves unix sockets over JDK NIO (JDK 16+), so no native transport is needed.
 */
public final class EngineServer implements AutoCloseable {
  private static final long DEFAULT_KEEPALIVE_MILLIS = 10_000;

  private final Vertx vertx;
  private final HttpServer server;
  private final ExecutorService workers;
  private final Path socket;

  private EngineServer(Vertx vertx, HttpServer server, ExecutorService workers, Path socket) {
    this.vertx = vertx;
    this.server = server;
    this.workers = workers;
    this.socket = socket;
  }

  /**
   * Binds {@code socket} and serves {@code service}; {@code onShutdown} runs on POST /v1/shutdown.
   */
  public static EngineServer start(
      EngineVerbs service, Path socket, String version, Runnable onShutdown) throws IOException {
    return start(
        service, socket, new ServerSettings(version, DEFAULT_KEEPALIVE_MILLIS, onShutdown));
  }

  static EngineServer start(EngineVerbs service, Path socket, ServerSettings settings)
      throws IOException {
    Vertx vertx =
        Vertx.vertx(
            new VertxOptions()
                .setPreferNativeTransport(false)
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(2));
    ExecutorService workers = Executors.newCachedThreadPool(daemonThreads());
    try {
      HttpServer server = vertx.createHttpServer(new HttpServerOptions().setIdleTimeout(0));
      server.requestHandler(new ApiHandler(vertx, service, workers, settings));
      Path privateDir =
          Files.createTempDirectory(
              socket.getParent(),
              ".engine-sock-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      try {
        Path bound = privateDir.resolve("engine.sock");
        await(
            server
                .listen(SocketAddress.domainSocketAddress(bound.toString()))
                .toCompletionStage()
                .toCompletableFuture());
        Files.setPosixFilePermissions(bound, PosixFilePermissions.fromString("rw-rw----"));
        Files.move(bound, socket, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(privateDir.resolve("engine.sock"));
        Files.deleteIfExists(privateDir);
      }
      return new EngineServer(vertx, server, workers, socket);
    } catch (IOException | RuntimeException e) {
      workers.shutdownNow();
      vertx.close();
      throw e;
    }
  }

  public Path socket() {
    return socket;
  }

  @Override
  public void close() {
    try {
      await(server.close().toCompletionStage().toCompletableFuture());
    } catch (IOException e) {
      // closing anyway: the socket file is removed below
    }
    workers.shutdownNow();
    try {
      await(vertx.close().toCompletionStage().toCompletableFuture());
    } catch (IOException e) {
      // best effort at shutdown
    }
    try {
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      // a stale socket is removed by the next engine
    }
  }

  private static <T> T await(CompletableFuture<T> future) throws IOException {
    try {
      return future.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IOException(cause.getMessage(), cause);
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "api-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
