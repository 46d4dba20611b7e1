package dev.jcompose.e2e.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs commands on the host as an unprivileged local user would. */
final class HostUser {
  private static final String NOBODY = "65534";

  private HostUser() {}

  /**
   * Runs a shell command as uid/gid 65534 with no supplementary groups; stdout and stderr together,
   * after a leading newline. Through a shell: setpriv's own exec still holds root's permitted
   * capabilities (its saved uid is 0) and would pass where the user does not.
   */
  static String asNobody(String command) throws Exception {
    List<String> full =
        List.of(
            "setpriv",
            "--reuid=" + NOBODY,
            "--regid=" + NOBODY,
            "--clear-groups",
            "--",
            "/bin/sh",
            "-c",
            command);
    Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("setpriv did not finish");
    }
    return "\n" + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
