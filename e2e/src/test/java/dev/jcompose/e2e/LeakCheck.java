package dev.jcompose.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs the workplace's {@code leakcheck} (shared/tools beside the checkout) and fails with its
 * report when jcompose left mounts, links, namespaces, cgroups, rules or shims behind.
 */
public final class LeakCheck {
  private LeakCheck() {}

  public static void assertClean() {
    Path tool = Jcompose.REPO.resolveSibling("shared").resolve("tools/leakcheck");
    if (!Files.isExecutable(tool)) {
      return; // outside this workplace the tool does not exist; the tests' own checks still run
    }
    try {
      Process p = new ProcessBuilder(tool.toString()).redirectErrorStream(true).start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("leakcheck did not finish in 60s");
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new AssertionError("leakcheck found leftovers:\n" + out);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run " + tool, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
