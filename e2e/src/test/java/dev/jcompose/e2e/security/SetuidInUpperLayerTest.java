package dev.jcompose.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.e2e.Jcompose;
import dev.jcompose.e2e.OneProjectPerTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, host files (CVE-2021-41091): container root writes a setuid root shell into its upper
 * layer; an unprivileged host user must neither run it nor enter the data root, and the files that
 * hold the container's environment are readable by root only.
 */
@Tag("security")
@Tag("root")
class SetuidInUpperLayerTest extends OneProjectPerTest {
  private static final String NOBODY = "65534";

  @Test
  void setuidShellInTheUpperLayer_cannotBeRunByAnotherHostUser() throws Exception {
    jc = Jcompose.fixture("sec-upper-setuid");
    // the test's temp root is 0700 (createTempDirectory): open it so only jcompose's own modes
    // protect
    Files.setPosixFilePermissions(jc.root, PosixFilePermissions.fromString("rwx--x--x"));
    jc.run(180, "up", "-d").assertOk();
    jc.run("exec", "-T", "box", "sh", "-c", "cp /bin/busybox /suid-sh && chmod 4755 /suid-sh")
        .assertOk();
    Path data = jc.root.resolve("data");
    Path suid = data.resolve("containers/sec-upper-setuid-box-1/upper/suid-sh");
    assertThat(suid).exists();

    assertThat(asNobody(suid + " id -u")).contains("Permission denied").doesNotContain("\n0\n");
    assertThat(asNobody("ls " + data)).contains("Permission denied");
    assertThat(asNobody("cat " + data.resolve("containers/sec-upper-setuid-box-1/state.json")))
        .contains("Permission denied");
    assertThat(mode(data.resolve("containers/sec-upper-setuid-box-1/state.json")))
        .isEqualTo("rw-------");
    assertThat(mode(jc.root.resolve("run/containers/sec-upper-setuid-box-1/config")))
        .isEqualTo("rw-------");
    assertThat(mode(jc.root.resolve("run/engine.sock"))).isEqualTo("rw-rw----");
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  /**
   * Runs a shell command as uid/gid 65534 with no supplementary groups, as a local user would;
   * stdout and stderr together. Through a shell: setpriv's own exec still holds root's permitted
   * capabilities (its saved uid is 0) and would pass where the user does not.
   */
  private static String asNobody(String command) throws Exception {
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
