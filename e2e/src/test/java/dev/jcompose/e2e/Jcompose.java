package dev.jcompose.e2e;

import dev.jcompose.testkit.TestRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the built {@code jcompose} jar as a separate process, the way a user does, with its own
 * state roots (named {@code jcompose-test-*} so scripts/leakcheck notices anything left mounted)
 * and the local test registry as docker.io mirror. Every call has a timeout; nothing can hang a
 * test.
 */
public final class Jcompose implements AutoCloseable {
  public static final Path REPO = findRepo();
  public static final Path JAR = REPO.resolve("compose-cli/target/jcompose.jar");
  public static final String MIRROR = TestRegistry.url();

  public final Path root;
  public final Path projectDir;
  private final boolean ownsRoot;
  private final Map<String, String> extraEnv = new LinkedHashMap<>();

  private Jcompose(Path root, Path projectDir, boolean ownsRoot) {
    this.root = root;
    this.projectDir = projectDir;
    this.ownsRoot = ownsRoot;
  }

  /** A fresh copy of {@code fixtures/<name>} in a new temp root. */
  public static Jcompose fixture(String name) {
    return copyOf(REPO.resolve("e2e/src/test/resources/fixtures").resolve(name));
  }

  /** A fresh copy of the shipped {@code examples/<name>}, exactly as a user finds it. */
  public static Jcompose example(String name) {
    return copyOf(REPO.resolve("examples").resolve(name));
  }

  private static Jcompose copyOf(Path source) {
    try {
      Path root = Files.createTempDirectory("jcompose-test-");
      Path dir = root.resolve(source.getFileName().toString());
      copyTree(source, dir);
      return new Jcompose(root, dir, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Another project under the same roots, served by the same engine (one engine per host is what
   * users run; two engines would each own the host's firewall table).
   */
  public Jcompose sibling(String name) {
    try {
      Path dir = root.resolve(name);
      copyTree(REPO.resolve("e2e/src/test/resources/fixtures").resolve(name), dir);
      return new Jcompose(root, dir, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds a variable to the environment of every later call (as a user's shell export would). */
  public Jcompose withEnv(String name, String value) {
    extraEnv.put(name, value);
    return this;
  }

  public Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>(extraEnv);
    env.put("JCOMPOSE_DATA_ROOT", root.resolve("data").toString());
    env.put("JCOMPOSE_RUN_ROOT", root.resolve("run").toString());
    env.put("JCOMPOSE_REGISTRY_MIRRORS", MIRROR);
    // the machine's /etc/jcompose/config.json (run-example.sh writes one) must not change a test
    env.put("JCOMPOSE_CONFIG", root.resolve("no-config.json").toString());
    env.put("NO_COLOR", "1");
    return env;
  }

  /** Runs {@code jcompose args...} in the project dir and waits at most {@code timeoutSeconds}. */
  public Result run(long timeoutSeconds, String... args) {
    List<String> cmd =
        new ArrayList<>(
            List.of("java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(projectDir.toFile());
      pb.environment().putAll(env());
      Path out = Files.createTempFile(root, "out", ".txt");
      Path err = Files.createTempFile(root, "err", ".txt");
      pb.redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      Process p = pb.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(
            "jcompose "
                + String.join(" ", args)
                + " did not finish in "
                + timeoutSeconds
                + "s; stderr: "
                + Files.readString(err));
      }
      return new Result(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public Result run(String... args) {
    return run(120, args);
  }

  /** Runs {@code jcompose args...} with {@code input} as its stdin (a pipe, not a terminal). */
  public Result runWithInput(long timeoutSeconds, String input, String... args) {
    try {
      Path in = Files.createTempFile(root, "in", ".txt");
      Files.writeString(in, input, StandardCharsets.UTF_8);
      return exec(timeoutSeconds, ProcessBuilder.Redirect.from(in.toFile()), command(args));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs {@code jcompose args...} with binary stdio: stdin from {@code input} (null = /dev/null),
   * stdout into {@code output}; the result's stdout is empty.
   */
  public Result runBinary(long timeoutSeconds, Path input, Path output, String... args) {
    try {
      ProcessBuilder pb = new ProcessBuilder(command(args)).directory(projectDir.toFile());
      pb.environment().putAll(env());
      Path err = Files.createTempFile(root, "err", ".txt");
      pb.redirectOutput(output.toFile())
          .redirectError(err.toFile())
          .redirectInput(
              input == null
                  ? ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))
                  : ProcessBuilder.Redirect.from(input.toFile()));
      Process p = pb.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(
            "jcompose " + String.join(" ", args) + " did not finish in " + timeoutSeconds + "s");
      }
      return new Result(p.exitValue(), "", Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * Runs {@code jcompose args...} on a pseudo-terminal (util-linux {@code script}), as a user at a
   * terminal types it; {@code input} is typed into it. stdout carries what the terminal showed.
   */
  public Result runOnTerminal(long timeoutSeconds, String input, String... args) {
    return onTerminal(timeoutSeconds, input, command(args));
  }

  /**
   * Runs a command that goes on until interrupted (like {@code stats}) on a terminal, and sends it
   * SIGINT, as Ctrl-C would, after {@code seconds}.
   */
  public Result runOnTerminalUntilInterrupted(int seconds, String... args) {
    List<String> cmd = new ArrayList<>(List.of("timeout", "-s", "INT", Integer.toString(seconds)));
    cmd.addAll(command(args));
    return onTerminal(seconds + 60L, "", cmd);
  }

  private Result onTerminal(long timeoutSeconds, String input, List<String> cmd) {
    StringBuilder line = new StringBuilder();
    for (String a : cmd) {
      line.append('\'').append(a.replace("'", "'\\''")).append("' ");
    }
    try {
      Path in = Files.createTempFile(root, "tty", ".txt");
      Files.writeString(in, input, StandardCharsets.UTF_8);
      return exec(
          timeoutSeconds,
          ProcessBuilder.Redirect.from(in.toFile()),
          List.of("script", "-q", "-e", "-c", line.toString().trim(), "/dev/null"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs a command line of the caller's in the project dir with this project's environment: the jar
   * under another JDK, or without the launcher's options ({@code java -jar jcompose.jar ...}).
   */
  public Result runCommand(long timeoutSeconds, List<String> cmd) {
    return exec(timeoutSeconds, ProcessBuilder.Redirect.from(new java.io.File("/dev/null")), cmd);
  }

  private static List<String> command(String... args) {
    List<String> cmd =
        new ArrayList<>(
            List.of("java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  private Result exec(long timeoutSeconds, ProcessBuilder.Redirect input, List<String> cmd) {
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(projectDir.toFile());
      pb.environment().putAll(env());
      Path out = Files.createTempFile(root, "out", ".txt");
      Path err = Files.createTempFile(root, "err", ".txt");
      pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(input);
      Process p = pb.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(
            String.join(" ", cmd)
                + " did not finish in "
                + timeoutSeconds
                + "s; stderr: "
                + Files.readString(err));
      }
      return new Result(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Starts {@code jcompose args...} without waiting (e.g. {@code logs -f}); caller destroys it. */
  public Process start(Path stdout, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("java", "-XX:+UseSerialGC", "-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(projectDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(stdout.toFile());
    pb.environment().putAll(env());
    return pb.start();
  }

  /**
   * Tears the project and the engine down, then removes the temp root. Every profile is active, so
   * a test that fails before removing its profile services' containers leaks none.
   */
  @Override
  public void close() {
    Result down = null;
    String left = "";
    try {
      down = run(120, "--profile", "*", "down", "-v", "-t", "1");
    } finally {
      if (ownsRoot) {
        run(60, "engine", "stop");
        left = whatTheEngineLeft(down);
        deleteTree(root);
      }
    }
    if (!left.isEmpty()) {
      throw new AssertionError(left);
    }
  }

  /**
   * After {@code down} and {@code engine stop} no container of this root may keep its state folder;
   * if one does, what down printed and the end of the engine's log say why, read before the root
   * goes.
   */
  private String whatTheEngineLeft(Result down) {
    List<String> containers;
    try (Stream<Path> s = Files.list(root.resolve("run/containers"))) {
      containers = s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      containers = List.of(); // no folder: nothing was left
    }
    if (containers.isEmpty()) {
      return ""; // down may fail on purpose (a test's broken compose file) and leave nothing
    }
    String log;
    try {
      List<String> lines = Files.readAllLines(root.resolve("run/engine.log"));
      log = String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    } catch (IOException e) {
      log = "(no engine log: " + e.getMessage() + ")";
    }
    return "down -v and engine stop left containers "
        + containers
        + (down == null ? "" : "; down exited " + down.exitCode + ", stderr:\n" + down.stderr)
        + "\nend of the engine's log:\n"
        + log;
  }

  /** What a jcompose call printed and returned. */
  public record Result(int exitCode, String stdout, String stderr) {
    public Result assertOk() {
      if (exitCode != 0) {
        throw new AssertionError(
            "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr);
      }
      return this;
    }
  }

  private static Path findRepo() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("compose-cli/pom.xml"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException(
          "cannot find the jcompose checkout above " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path src : (Iterable<Path>) s::iterator) {
        Path dst = to.resolve(from.relativize(src).toString());
        // symlinks stay symlinks: fixtures test what a context's links may reach
        if (Files.isDirectory(src, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(dst);
        } else {
          Files.copy(
              src,
              dst,
              java.nio.file.LinkOption.NOFOLLOW_LINKS,
              java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  public static void deleteTree(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a leftover temp dir is reported by leakcheck only if something is mounted
      // there
    }
  }
}
