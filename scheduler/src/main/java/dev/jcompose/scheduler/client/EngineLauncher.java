package dev.jcompose.scheduler.client;

import dev.jcompose.common.fs.FileLocks;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.scheduler.api.ComposeException;
import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the engine of a run root, starting one if none answers. The engine is started detached — in
 * its own session (setsid), stdin from /dev/null, stdout/stderr appended to {@code
 * <runRoot>/engine.log} — so it survives the CLI and its terminal's Ctrl-C and hang-up.
 *
 * <p>Concurrent CLIs serialise on {@code <runRoot>/engine-start.lock}: the first starts the engine,
 * the others find it answering once they get the lock. Every wait is bounded by {@code
 * startTimeout}.
 */
public final class EngineLauncher {
  static final String MAIN_CLASS = "dev.jcompose.scheduler.server.EngineMain";

  private final RuntimePaths paths;
  private final Map<String, String> env;
  private final List<String> command;
  private final Duration startTimeout;

  /** {@code command} is the engine's command line; {@code env} its whole environment. */
  public EngineLauncher(
      RuntimePaths paths, Map<String, String> env, List<String> command, Duration startTimeout) {
    this.paths = paths;
    this.env = Map.copyOf(env);
    this.command = List.copyOf(command);
    this.startTimeout = startTimeout;
  }

  /** Runs EngineMain from this JVM's class path (the jcompose jar) with the given environment. */
  public static EngineLauncher forThisJvm(Map<String, String> env) {
    return new EngineLauncher(
        RuntimePaths.fromEnvironment(env), env, engineCommand(env, true), Duration.ofSeconds(60));
  }

  /**
   * The engine's command line from this JVM's java and class path (the jcompose jar); {@code
   * ownSession} prefixes setsid, for starts from a terminal (not for a service manager).
   */
  public static List<String> engineCommand(Map<String, String> env, boolean ownSession) {
    return engineCommand(env, ownSession, System.getProperty("java.class.path"));
  }

  /**
   * The engine's command line with an explicit class path, for JVMs whose {@code java.class.path}
   * is not the application's (a test runner's launcher jar, e.g. the JUnit extension under
   * Surefire).
   */
  public static List<String> engineCommand(
      Map<String, String> env, boolean ownSession, String classPath) {
    List<String> cmd = new ArrayList<>();
    if (ownSession && new File("/usr/bin/setsid").canExecute()) {
      cmd.add("/usr/bin/setsid");
    }
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // A long-lived daemon: serial GC, a heap that gives memory back after pulls (free ratios),
    // unpooled netty buffers (the API moves little data), no hsperfdata file. Measured idle RSS
    // 123 MB -> 108 MB with MALLOC_ARENA_MAX=2 (see spawn). JCOMPOSE_ENGINE_JAVA_OPTS overrides.
    String opts =
        env.getOrDefault(
            "JCOMPOSE_ENGINE_JAVA_OPTS", defaultJavaOptions(Runtime.version().feature()));
    for (String o : opts.trim().split("\\s+", -1)) {
      if (!o.isEmpty()) {
        cmd.add(o);
      }
    }
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add(MAIN_CLASS);
    return cmd;
  }

  /**
   * The engine's JVM options for a java of {@code feature} release. C1 only: the engine's work
   * comes in bursts (an {@code up} creates and starts containers, then it idles), and C2 compiling
   * those bursts' code took ~300 of the engine's 660 ms of CPU in a 20-service {@code up -d} on
   * this 2-core host, competing with the containers' own start; with C1 only the engine used ~500
   * ms, a {@code run --rm} 60-90 instead of 190 ms, and 23 MiB less RSS with 20 containers up
   * (speed-engine branch, 2026-12-06). From 25 on, compact object headers (JEP 519: 8-byte
   * headers): with 20 containers up the engine's RSS measured 132 -> 119 MiB (bench/compare.sh's
   * memory row, 2026-12-05). C1 at a tenth of its usual thresholds (compile after ~20 calls, not
   * 200): a container's create runs its code once per container, so at the default thresholds the
   * engine was still interpreting and compiling hundreds of methods in the 2nd to 6th {@code up} of
   * 20 services (PrintCompilation: 3519 compiles in the 1st, 422, 329, 163, 104 after); scaled, the
   * hot paths are compiled during the first burst. Engine CPU per {@code up -d} of 20 in the runs
   * after a warm-up measured 600 -> 500 ms and 405 -> 375 ms (medians of 6, same run, upfast
   * branch, 2026-12-06).
   */
  static String defaultJavaOptions(int feature) {
    String opts =
        "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.1"
            + " -Xss512k -Xms8m -Xmx256m"
            + " -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:ReservedCodeCacheSize=48m"
            + " -XX:-UsePerfData -Dio.netty.allocator.type=unpooled";
    if (feature >= 22) {
      // jnr's native stub loader calls restricted methods: JDK 24+ warns (JEP 472) into the
      // engine's log unless native access is granted; the option exists since FFM became final
      opts += " --enable-native-access=ALL-UNNAMED";
    }
    return feature >= 25 ? opts + " -XX:+UseCompactObjectHeaders" : opts;
  }

  public Path socket() {
    return RemoteComposeService.socketOf(paths);
  }

  /** A client for an answering engine, started now if needed. */
  public RemoteComposeService ensureRunning() {
    RemoteComposeService client = new RemoteComposeService(socket());
    // A connection accepted is enough: the verb's own request follows at once, and an engine that
    // accepts but does not answer fails it with its read timeout. (An HTTP probe here would cost
    // every command a second round trip.)
    if (accepts(socket())) {
      return client;
    }
    try {
      Files.createDirectories(paths.runRoot());
    } catch (AccessDeniedException e) {
      throw new ComposeException(
          ComposeException.Kind.PERMISSION,
          "cannot create "
              + paths.runRoot()
              + " (permission denied): the jcompose engine needs root",
          e);
    } catch (IOException e) {
      throw new ComposeException(
          ComposeException.Kind.UNAVAILABLE,
          "cannot create " + paths.runRoot() + ": " + e.getMessage(),
          e);
    }
    Deadline deadline = Deadline.after(startTimeout);
    Path lockFile = paths.runRoot().resolve("engine-start.lock");
    try (FileLocks.Held lock = FileLocks.acquire(lockFile, deadline.remaining())) {
      if (lock == null) {
        throw new ComposeException(
            ComposeException.Kind.UNAVAILABLE,
            "another jcompose is still starting the engine (" + lockFile + " is locked)");
      }
      if (!answers(client)) {
        startAndWait(client, deadline);
      }
      return client;
    } catch (IOException e) {
      throw new ComposeException(
          ComposeException.Kind.UNAVAILABLE, "cannot lock " + lockFile + ": " + e.getMessage(), e);
    }
  }

  /** True if something accepts connections on {@code socket} right now (nothing is sent). */
  static boolean accepts(Path socket) {
    if (!Files.exists(socket)) {
      return false;
    }
    try {
      UnixConnection.open(socket, ClientTimeouts.defaults().connect(), Duration.ofSeconds(1))
          .close();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** True if an engine answers on the socket right now. */
  public static boolean answers(RemoteComposeService client) {
    try {
      client.version();
      return true;
    } catch (ComposeException e) {
      return false;
    }
  }

  private void startAndWait(RemoteComposeService client, Deadline deadline) {
    Process process = spawn();
    while (!deadline.passed()) {
      if (answers(client)) {
        return;
      }
      if (!process.isAlive() && !answers(client)) {
        throw new ComposeException(
            ComposeException.Kind.UNAVAILABLE,
            "the jcompose engine exited with status "
                + process.exitValue()
                + " while starting"
                + EngineLogTail.of(logFile()));
      }
      Deadline.sleep(25);
    }
    throw new ComposeException(
        ComposeException.Kind.UNAVAILABLE,
        "the jcompose engine did not answer on "
            + socket()
            + " within "
            + startTimeout.toSeconds()
            + " s"
            + EngineLogTail.of(logFile()));
  }

  private Process spawn() {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().clear();
    pb.environment().putAll(env);
    // glibc's per-thread malloc arenas cost tens of MB of RSS in a JVM with many threads.
    pb.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
    pb.redirectErrorStream(true);
    try {
      return pb.start();
    } catch (IOException e) {
      throw new ComposeException(
          ComposeException.Kind.UNAVAILABLE,
          "cannot start the jcompose engine (" + command.get(0) + "): " + e.getMessage(),
          e);
    }
  }

  private Path logFile() {
    return paths.runRoot().resolve("engine.log");
  }
}
