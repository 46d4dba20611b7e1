package dev.jcompose.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.e2e.Jcompose;
import dev.jcompose.e2e.Jcompose.Result;
import dev.jcompose.e2e.OneProjectPerTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Images pushed to the local registry whose layers try to write outside their root ({@code
 * scripts/lib/hostile.sh}): pulled through the CLI, each is refused with the entry named, or
 * unpacked with the attempt neutralised as docker does; the host directory they aim at stays as the
 * test made it, and no partial layer stays behind.
 */
@Tag("security")
@Tag("root")
class HostileImageTest extends OneProjectPerTest {
  private static final Path TARGET = Path.of("/tmp/jcompose-hostile");

  @BeforeEach
  void plantCanary() throws IOException {
    Jcompose.deleteTree(TARGET);
    Files.createDirectories(TARGET);
    Files.writeString(TARGET.resolve("canary"), "host file");
    jc = Jcompose.fixture("hostile");
  }

  @AfterEach
  void targetUntouched() throws IOException {
    try (Stream<Path> s = Files.list(TARGET)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("canary");
    }
    assertThat(Files.readString(TARGET.resolve("canary"))).isEqualTo("host file");
    Jcompose.deleteTree(TARGET);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "dotdot     | tmp/jcompose-hostile/dotdot' | climbs out of the layer",
        "symlink    | 'esc/through-abs'            | parent 'esc' is a symlink",
        "relsymlink | 'rel/through-rel'            | parent 'rel' is a symlink",
        "hardlink   | 'link'                       | climbs out of the layer",
        "whiteout   | 'esc/.wh.canary'             | parent 'esc' is a symlink"
      })
  void pull_layerEscapingItsRoot_isRefusedNamingTheEntry(String service, String entry, String why)
      throws IOException {
    Result pull = jc.run(120, "pull", service);

    assertThat(pull.exitCode()).as(pull.stderr()).isEqualTo(1);
    assertThat(pull.stderr())
        .contains("refusing layer entry", entry, why)
        .doesNotContain("Exception", "\tat ");
    assertThat(jc.run("images", "-q").stdout()).isBlank();
    assertNoPartialLayers();
  }

  @Test
  void up_neutralisedImage_keepsEverythingInsideItsRoot() throws Exception {
    // the test's temp root is 0700 (createTempDirectory): open it so only jcompose's own modes
    // protect the layers
    Files.setPosixFilePermissions(jc.root, PosixFilePermissions.fromString("rwx--x--x"));
    jc.run(180, "up", "-d", "neutral").assertOk();

    // a symlink out of the root is kept (it resolves inside the container); the top layer's
    // directory esc covers the lower layer's symlink esc -> /tmp/jcompose-hostile
    assertThat(sh("readlink /rel; test -d /esc && cat /esc/through-layer"))
        .isEqualTo(
            "../../../../../../../../../../../../../../../tmp/jcompose-hostile\nwritten in its own layer\n");
    // an absolute name lands at the root; a hard link written /etc/hostile-passwd is the layer's
    // own
    assertThat(sh("cat /abs-name /hl; stat -c %h /hl"))
        .isEqualTo("an absolute name\nthe image's own\n2\n");
    // setuid kept, as docker keeps it; on the host no other user reaches the layer holding it
    assertThat(sh("stat -c %a /suid")).isEqualTo("4755\n");
    Path suid = layerFile("suid");
    assertThat(HostUser.asNobody(suid + " id -u"))
        .contains("Permission denied")
        .doesNotContain("\n0\n");
    // forged overlay xattrs dropped: no redirect of forged/ to /etc, opq/ not made opaque
    assertThat(sh("ls /forged; ls /opq")).isEqualTo("own\nlowerfile\nupperfile\n");
  }

  @Test
  void up_etcSymlinkedToHost_userIsNotLookedUpInTheHostsPasswd() throws IOException {
    Path hostEtc = Files.createDirectories(TARGET.resolve("etc"));
    Files.writeString(hostEtc.resolve("passwd"), "hostileuser:x:4242:4242::/:/bin/sh\n");
    try {
      Result up = jc.run(180, "up", "-d", "etclink");

      assertThat(up.exitCode()).isNotZero();
      assertThat(up.stderr()).contains("unable to find user hostileuser");
    } finally {
      Jcompose.deleteTree(hostEtc);
    }
  }

  @Test
  void up_blockDeviceFromImage_cannotBeOpenedInTheContainer() {
    jc.run(180, "up", "-d", "neutral").assertOk();

    // made as docker makes it; the devices cgroup (runc's default allow-list) refuses it
    assertThat(sh("stat -c '%F %t:%T' /loop0")).isEqualTo("block special file 7:0\n");
    Result open = jc.run(60, "exec", "-T", "neutral", "head", "-c", "1", "/loop0");
    assertThat(open.exitCode()).isNotZero();
    assertThat(open.stderr()).contains("Operation not permitted");
  }

  /** The one unpacked layer of the data root that holds {@code name} at its root. */
  private Path layerFile(String name) throws IOException {
    try (Stream<Path> layers = Files.list(jc.root.resolve("data/images/layers"))) {
      List<Path> found =
          layers.map(l -> l.resolve(name)).filter(f -> Files.isRegularFile(f)).toList();
      assertThat(found).hasSize(1);
      return found.get(0);
    }
  }

  private String sh(String script) {
    return jc.run(60, "exec", "-T", "neutral", "sh", "-c", script).assertOk().stdout();
  }

  private void assertNoPartialLayers() throws IOException {
    Path tmp = jc.root.resolve("data/images/tmp");
    if (Files.isDirectory(tmp)) {
      try (Stream<Path> s = Files.list(tmp)) {
        assertThat(s.map(Path::toString)).isEmpty();
      }
    }
  }
}
