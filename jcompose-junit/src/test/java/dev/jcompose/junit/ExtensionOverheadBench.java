package dev.jcompose.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * What {@code @ComposeStack} adds to a test class, against {@code jcompose up -d --wait} run as a
 * process, in the same run, on the same (warm) engine and stack: the time from launching a test
 * class (JUnit's test kit, in this JVM) to its first test, and the wall time of the CLI's {@code up
 * --wait}. Each run is followed by {@code down -v} (not timed). Prints medians. Run by
 * bench/junit-bench.sh with the state roots and registry mirror in the environment. Arguments:
 * stack (web | web-db), runs, path of jcompose.jar.
 */
public final class ExtensionOverheadBench {
  static final AtomicLong FIRST_TEST = new AtomicLong();

  @ComposeStack("src/test/resources/stacks/web/compose.yaml")
  static class WebCase {
    @Test
    void first() {
      FIRST_TEST.set(System.nanoTime());
    }
  }

  @ComposeStack(value = "../examples/web-db/compose.yaml", waitTimeoutSeconds = 300)
  static class WebDbCase {
    @Test
    void first() {
      FIRST_TEST.set(System.nanoTime());
    }
  }

  private ExtensionOverheadBench() {}

  public static void main(String[] args) throws Exception {
    boolean webDb = args[0].equals("web-db");
    int runs = Integer.parseInt(args[1]);
    Path jar = Path.of(args[2]);
    Class<?> testClass = webDb ? WebDbCase.class : WebCase.class;
    Path file =
        Path.of(
                webDb
                    ? "../examples/web-db/compose.yaml"
                    : "src/test/resources/stacks/web/compose.yaml")
            .toAbsolutePath();
    extension(testClass); // warm-up: engine started, images pulled, classes loaded
    cli(jar, file, "warmup");
    List<Long> ext = new ArrayList<>();
    List<Long> proc = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      ext.add(extension(testClass));
      proc.add(cli(jar, file, "bench" + i));
    }
    System.out.printf(
        "%s: extension launch->first test median %d ms %s; jcompose up -d --wait (process) median %d ms %s%n",
        args[0], median(ext), ext, median(proc), proc);
  }

  /**
   * Milliseconds from launching the class to its first test; the stack is downed by the extension
   * after.
   */
  private static long extension(Class<?> testClass) {
    long start = System.nanoTime();
    var results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
    results.testEvents().assertStatistics(s -> s.succeeded(1));
    return TimeUnit.NANOSECONDS.toMillis(FIRST_TEST.get() - start);
  }

  /**
   * Milliseconds of {@code jcompose up -d --wait} as a process (the launcher's JVM flags); then
   * {@code down -v}.
   */
  private static long cli(Path jar, Path file, String name) throws Exception {
    String project = "bench-" + name + "-" + ProcessHandle.current().pid();
    long start = System.nanoTime();
    run(jar, "-f", file.toString(), "-p", project, "up", "-d", "--wait");
    long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    run(jar, "-f", file.toString(), "-p", project, "down", "-v", "-t", "5");
    return took;
  }

  private static void run(Path jar, String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "java",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xss512k",
                "-XX:-UsePerfData"));
    Path cds = jar.resolveSibling("jcompose.jsa");
    if (Files.exists(cds)) {
      cmd.addAll(List.of("-XX:SharedArchiveFile=" + cds, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    }
    cmd.addAll(List.of("-jar", jar.toString()));
    cmd.addAll(Arrays.asList(args));
    Process p =
        new ProcessBuilder(cmd)
            .inheritIO()
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("jcompose " + String.join(" ", args) + " failed");
    }
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
