package dev.jcompose.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jcompose.testkit.HostChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code cp} both ways as docker cp does it: a round trip that keeps modes and (with -a) ownership,
 * tar streams on stdio, and a container's symlinks that point out of its root resolved inside it,
 * never on the host (fixture {@code copy}).
 */
@Tag("root")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CopyScenariosTest {
  private Jcompose jc;

  @BeforeAll
  void up() {
    jc = Jcompose.fixture("copy");
    jc.run(180, "up", "-d").assertOk();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> jc.run("exec", "-T", "box", "test", "-f", "/tmp/ready").exitCode() == 0);
  }

  @AfterAll
  void down() {
    if (jc != null) {
      jc.close();
    }
    HostChecks.assertNoLeaks();
  }

  @Test
  void roundTrip_hostToContainerAndBack_keepsModesAndWithArchiveOwnership() throws IOException {
    Path src = Files.createDirectories(jc.root.resolve("src/tree/nested"));
    Files.writeString(src.getParent().resolve("script.sh"), "#!/bin/sh\necho hi\n");
    Files.setPosixFilePermissions(
        src.getParent().resolve("script.sh"), PosixFilePermissions.fromString("rwxr-x---"));
    Files.writeString(src.resolve("data.txt"), "payload");
    Files.setPosixFilePermissions(
        src.resolve("data.txt"), PosixFilePermissions.fromString("rw-------"));
    Files.setAttribute(src.resolve("data.txt"), "unix:uid", 1234);
    Files.setAttribute(src.resolve("data.txt"), "unix:gid", 4321);
    Files.createSymbolicLink(src.resolve("link"), Path.of("data.txt"));

    jc.run("cp", "-a", src.getParent().toString(), "box:/srv").assertOk();
    String listing =
        jc.run(
                "exec",
                "-T",
                "box",
                "sh",
                "-c",
                "stat -c '%n %a %u:%g' /srv/tree/script.sh /srv/tree/nested/data.txt && readlink /srv/tree/nested/link")
            .assertOk()
            .stdout();
    assertThat(listing)
        .contains(
            "/srv/tree/script.sh 750 0:0", "/srv/tree/nested/data.txt 600 1234:4321", "data.txt");

    Path back = jc.root.resolve("back");
    jc.run("cp", "-a", "box:/srv/tree", back.toString()).assertOk();
    assertThat(Files.readString(back.resolve("nested/data.txt"))).isEqualTo("payload");
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(back.resolve("script.sh"))))
        .isEqualTo("rwxr-x---");
    assertThat(Files.getAttribute(back.resolve("nested/data.txt"), "unix:uid")).isEqualTo(1234);
    assertThat(Files.readSymbolicLink(back.resolve("nested/link"))).isEqualTo(Path.of("data.txt"));

    // without -a a copy into the container belongs to the container's root, the mode stays
    jc.run("cp", src.resolve("data.txt").toString(), "box:/tmp/plain.txt").assertOk();
    assertThat(
            jc.run("exec", "-T", "box", "stat", "-c", "%a %u:%g", "/tmp/plain.txt")
                .assertOk()
                .stdout()
                .trim())
        .isEqualTo("600 0:0");
  }

  @Test
  void fromContainer_aTarOnStdout_keepsOwnerAndMode() throws Exception {
    Path tar = jc.root.resolve("data.tar");
    jc.runBinary(60, null, tar, "cp", "box:/data/file", "-").assertOk();
    Process p = new ProcessBuilder("tar", "-tvf", tar.toString()).redirectErrorStream(true).start();
    String listing = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    assertThat(listing).contains("-rw-r-----", "1000/2000", "file");
  }

  @Test
  void symlinkToRoot_inTheDestination_writesInsideTheContainer_neverOnTheHost() throws IOException {
    Path file = jc.root.resolve("marker.txt");
    Files.writeString(file, "mine");
    Path hostTarget = Path.of("/tmp/jcompose-cp-escape-" + ProcessHandle.current().pid());
    Files.deleteIfExists(hostTarget);
    // /data/root -> / in the container: the copy lands in the container's /tmp, not the host's
    jc.run("cp", file.toString(), "box:/data/root/tmp/" + hostTarget.getFileName()).assertOk();
    assertThat(Files.exists(hostTarget, LinkOption.NOFOLLOW_LINKS))
        .as("host file written through a container symlink")
        .isFalse();
    assertThat(
            jc.run("exec", "-T", "box", "cat", "/tmp/" + hostTarget.getFileName())
                .assertOk()
                .stdout())
        .isEqualTo("mine");
  }

  @Test
  void symlinkOutOfTheRoot_followedWithL_resolvesInTheContainer() throws IOException {
    Path out = jc.root.resolve("followed");
    jc.run("cp", "-L", "box:/data/abs", out.toString()).assertOk();
    assertThat(Files.readString(out).trim())
        .isEqualTo("copybox"); // the container's /etc/hostname, not the host's
    Path up = jc.root.resolve("up");
    jc.run("cp", "-L", "box:/data/up/hostname", up.toString()).assertOk();
    assertThat(Files.readString(up).trim()).isEqualTo("copybox");
    Path link = jc.root.resolve("link-itself");
    jc.run("cp", "box:/data/abs", link.toString()).assertOk();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("/etc/hostname"));
  }

  @Test
  void tarFromStdin_withAnEntryClimbingOut_isRefused() throws Exception {
    Path dir = Files.createDirectories(jc.root.resolve("evil"));
    Files.writeString(dir.resolve("x"), "x");
    Path tar = jc.root.resolve("evil.tar");
    Process p =
        new ProcessBuilder(
                "tar",
                "-cf",
                tar.toString(),
                "-C",
                dir.toString(),
                "--transform",
                "s,^x,../../escaped,",
                "x")
            .redirectErrorStream(true)
            .start();
    p.waitFor();
    Jcompose.Result r = jc.runBinary(60, tar, jc.root.resolve("cp.out"), "cp", "-", "box:/data");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("refusing archive entry", "'..'");
    assertThat(jc.run("exec", "-T", "box", "ls", "/").assertOk().stdout())
        .doesNotContain("escaped");
  }

  @Test
  void missingSourceAndTwoContainers_areClearErrors() {
    assertThat(jc.run("cp", "box:/nope", jc.root.toString()).stderr())
        .contains("Could not find the file /nope");
    assertThat(jc.run("cp", "box:/a", "box:/b").stderr())
        .contains("copying between services is not supported");
  }
}
