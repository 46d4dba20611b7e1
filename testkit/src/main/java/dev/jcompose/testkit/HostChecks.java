package dev.jcompose.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tests' door to the repository's own host checks: {@code scripts/egress-guard} before anything
 * enables forwarding or NAT, and {@code scripts/leakcheck} after a test, so no test depends on a
 * tool outside the checkout. Every run is bounded in time.
 */
public final class HostChecks {
  private static final long TIMEOUT_S = 120;
  private static final Path REPO = findRepo();

  private HostChecks() {}

  /** The checkout these tests belong to (the folder holding {@code scripts/leakcheck}). */
  public static Path repo() {
    return REPO;
  }

  /** Installs the egress guard (idempotent); fails the test if it cannot. */
  public static void egressGuard() {
    Run r = run(List.of(REPO.resolve("scripts/egress-guard").toString()));
    if (r.code != 0) {
      throw new AssertionError("scripts/egress-guard failed (exit " + r.code + "):\n" + r.output);
    }
  }

  /** Every leftover the leak check sees on the host, one line each; empty when clean. */
  public static List<String> leaks(Path... stateRoots) {
    List<String> cmd = new ArrayList<>(List.of(REPO.resolve("scripts/leakcheck").toString()));
    Arrays.stream(stateRoots).map(Path::toString).forEach(cmd::add);
    Run r = run(cmd);
    if (r.code == 0) {
      return List.of();
    }
    if (r.code != 1) {
      throw new AssertionError("scripts/leakcheck failed (exit " + r.code + "):\n" + r.output);
    }
    return r.output.lines().filter(l -> !l.isBlank()).toList();
  }

  /**
   * The leftovers whose line mentions any of {@code markers} (a test's temp root, its nft table).
   */
  public static List<String> leaksMentioning(String... markers) {
    return leaks().stream().filter(l -> Arrays.stream(markers).anyMatch(l::contains)).toList();
  }

  /** Fails with the leak check's report unless the host is clean. */
  public static void assertNoLeaks(Path... stateRoots) {
    List<String> found = leaks(stateRoots);
    if (!found.isEmpty()) {
      throw new AssertionError("scripts/leakcheck found leftovers:\n" + String.join("\n", found));
    }
  }

  private record Run(int code, String output) {}

  private static Run run(List<String> cmd) {
    try {
      Path out = Files.createTempFile("jcompose-hostcheck", ".txt");
      try {
        Process p =
            new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          throw new AssertionError(cmd.get(0) + " did not finish in " + TIMEOUT_S + " s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run " + cmd.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static Path findRepo() {
    Path start = Path.of("").toAbsolutePath();
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.isExecutable(p.resolve("scripts/leakcheck"))
          && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("no jcompose checkout (scripts/leakcheck) above " + start);
  }
}
