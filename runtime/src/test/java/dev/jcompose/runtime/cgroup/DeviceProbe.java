package dev.jcompose.runtime.cgroup;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A shell that waits until it has been put into a group, then reports whether it could open
 * /dev/null (allowed by runc's defaults) and /dev/zero (kept out of the test's list).
 */
final class DeviceProbe {
  private DeviceProbe() {}

  /** Runs the probe; {@code join} receives its pid before it tries the devices. */
  static String run(java.util.function.IntConsumer join) throws Exception {
    Process p =
        new ProcessBuilder(
                "sh",
                "-c",
                "read go; head -c1 /dev/null && echo null-ok;"
                    + " head -c1 /dev/zero >/dev/null 2>&1 && echo zero-ok || echo zero-denied")
            .redirectErrorStream(true)
            .start();
    try {
      join.accept((int) p.pid());
      try (OutputStream in = p.getOutputStream()) {
        in.write("go\n".getBytes(StandardCharsets.US_ASCII));
      }
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        throw new AssertionError("probe did not finish");
      }
      return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    } finally {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
