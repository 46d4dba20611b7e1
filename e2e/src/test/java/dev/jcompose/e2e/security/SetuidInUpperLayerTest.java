package dev.jcompose.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.e2e.Jcompose;
import dev.jcompose.e2e.OneProjectPerTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

    assertThat(HostUser.asNobody(suid + " id -u"))
        .contains("Permission denied")
        .doesNotContain("\n0\n");
    assertThat(HostUser.asNobody("ls " + data)).contains("Permission denied");
    assertThat(
            HostUser.asNobody(
                "cat " + data.resolve("containers/sec-upper-setuid-box-1/state.json")))
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
}
