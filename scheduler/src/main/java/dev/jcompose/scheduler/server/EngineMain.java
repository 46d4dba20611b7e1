package dev.jcompose.scheduler.server;

import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.scheduler.api.EngineAddOn;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;

/**
 * The engine process: {@code java -cp jcompose.jar dev.jcompose.scheduler.server.EngineMain}.
 *
 * <p>Takes the instance lock of its run root (exit status 3 if another engine holds it), removes a
 * stale socket, starts the engine, serves the API on {@code <runRoot>/engine.sock}, writes {@code
 * engine.pid}, and logs to {@code engine.log}. SIGTERM or {@code POST /v1/shutdown} stop the API
 * and the engine but leave containers running: their shims own them, and the next engine re-adopts
 * them.
 */
public final class EngineMain {
  static final int ALREADY_RUNNING = 3;

  private EngineMain() {}

  public static void main(String[] args) {
    int code = run(System.getenv());
    if (code != 0) {
      System.exit(code);
    }
  }

  static int run(Map<String, String> env) {
    RuntimePaths paths = RuntimePaths.fromEnvironment(env);
    Path runRoot = paths.runRoot();
    try {
      Files.createDirectories(runRoot);
      EngineLog.redirectTo(runRoot.resolve("engine.log"));
    } catch (Exception e) {
      System.err.println("jcompose engine: cannot prepare " + runRoot + ": " + e);
      return 1;
    }
    try {
      InstanceLock lock = InstanceLock.tryAcquire(runRoot);
      if (lock == null) {
        EngineLog.info(
            "another engine (pid "
                + InstanceLock.recordedPid(runRoot)
                + ") serves "
                + runRoot
                + "; exiting");
        return ALREADY_RUNNING;
      }
      serve(paths, env, lock);
      return 0;
    } catch (Exception e) {
      EngineLog.error("engine failed to start", e);
      return 1;
    }
  }

  private static void serve(RuntimePaths paths, Map<String, String> env, InstanceLock lock)
      throws Exception {
    Path socket = paths.runRoot().resolve("engine.sock");
    // We hold the lock, so no live engine owns this file: it is left over from a killed one.
    Files.deleteIfExists(socket);
    EngineLog.info("starting (JVM up " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms)");
    EngineFactory.Running engine = EngineFactory.start(paths, env);
    EngineServer server =
        EngineServer.start(engine.service(), socket, version(), EngineMain::exitSoon);
    lock.writePid();
    List<AutoCloseable> addOns = startAddOns(paths.runRoot(), env);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> shutdown(addOns, server, engine, lock, stopped), "engine-shutdown"));
    EngineLog.info("listening on " + socket + " (data root " + paths.dataRoot() + ")");
    stopped.await();
  }

  /**
   * The add-ons on the class path (the CLI's door); one that fails to start is logged and left out.
   */
  private static List<AutoCloseable> startAddOns(Path runRoot, Map<String, String> env) {
    List<AutoCloseable> started = new ArrayList<>();
    for (EngineAddOn addOn : ServiceLoader.load(EngineAddOn.class)) {
      try {
        started.add(addOn.start(runRoot, env));
      } catch (Exception e) {
        EngineLog.error("engine add-on " + addOn.getClass().getName() + " failed to start", e);
      }
    }
    return started;
  }

  /** Runs on SIGTERM/SIGINT and on exit: containers are left running on purpose. */
  private static void shutdown(
      List<AutoCloseable> addOns,
      EngineServer server,
      EngineFactory.Running engine,
      InstanceLock lock,
      CountDownLatch stopped) {
    EngineLog.info("shutting down; containers keep running");
    addOns.forEach(a -> closeQuietly("add-on " + a, a));
    closeQuietly("API server", server);
    closeQuietly("engine", engine.closer());
    closeQuietly("instance lock", lock);
    stopped.countDown();
  }

  private static void closeQuietly(String what, AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      EngineLog.error("closing the " + what + " failed", e);
    }
  }

  /** POST /v1/shutdown: exit from another thread so the 202 answer is flushed first. */
  private static void exitSoon() {
    Thread t = new Thread(() -> System.exit(0), "engine-exit");
    t.setDaemon(true);
    t.start();
  }

  static String version() {
    String v = EngineMain.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
