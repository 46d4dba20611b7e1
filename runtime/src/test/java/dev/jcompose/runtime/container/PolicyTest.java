package dev.jcompose.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.runtime.api.ContainerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTest {
  @TempDir Path dir;

  @Test
  void capabilities_dockerDefault_isTheWellKnownMask() {
    assertThat(Long.toHexString(CapabilityMasks.mask(CapabilityMasks.DOCKER_DEFAULT)))
        .isEqualTo("a80425fb");
    assertThat(CapabilityMasks.mask(List.of("CAP_NET_ADMIN"))).isEqualTo(1L << 12);
    assertThatThrownBy(() -> CapabilityMasks.mask(List.of("NOPE")))
        .isInstanceOf(ContainerException.class);
  }

  @Test
  void rlimits_namesAndUnlimited() {
    assertThat(Rlimits.resource("nofile")).isEqualTo(7);
    assertThat(Rlimits.resource("RLIMIT_NPROC")).isEqualTo(6);
    assertThat(Rlimits.value(-1)).isEqualTo("18446744073709551615");
  }

  @Test
  void environment_dedupesKeepingLast_defaultsPathAndHome() {
    List<String> env =
        IdentityFactory.environment(
            List.of("A=1", "A=2", "bad", "HOME="), Map.of("HOSTNAME", "h"), "/home/x");

    assertThat(env)
        .containsExactly(
            "PATH=" + IdentityFactory.DEFAULT_PATH, "HOSTNAME=h", "A=2", "HOME=/home/x");
  }

  @Test
  void userResolver_namesGroupsAndNumericIds() throws IOException {
    Path upper = dir.resolve("upper");
    Path layer = dir.resolve("layer");
    Files.createDirectories(layer.resolve("etc"));
    Files.createDirectories(upper);
    Files.writeString(
        layer.resolve("etc/passwd"),
        "root:x:0:0::/root:/bin/sh\napp:x:1000:1001::/home/app:/bin/sh\n");
    Files.writeString(layer.resolve("etc/group"), "app:x:1001:\nwheel:x:10:app\nstaff:x:50:\n");
    UserResolver r = new UserResolver(List.of(upper, layer));

    assertThat(r.resolve("app", List.of("staff")))
        .isEqualTo(
            new UserResolver.ResolvedUser(1000, 1001, List.of(1001L, 10L, 50L), "/home/app"));
    assertThat(r.resolve("4242:7", List.of()).uid()).isEqualTo(4242);
    assertThat(r.resolve(null, List.of()).uid()).isZero();
    assertThatThrownBy(() -> r.resolve("ghost", List.of()))
        .hasMessageContaining("unable to find user ghost");
  }

  @Test
  void userResolver_etcSymlinkedOutOfTheImage_readsNoHostFile() throws IOException {
    Path host = Files.createDirectories(dir.resolve("host-etc"));
    Files.writeString(host.resolve("passwd"), "hostonly:x:4242:4242::/:/bin/sh\n");
    Path layer = Files.createDirectories(dir.resolve("layer"));
    Files.createSymbolicLink(layer.resolve("etc"), host);
    Path lower = Files.createDirectories(dir.resolve("lower/etc"));
    Files.writeString(lower.resolve("passwd"), "hostonly:x:1:1::/:/bin/sh\n");
    UserResolver r = new UserResolver(List.of(layer, dir.resolve("lower")));

    assertThatThrownBy(() -> r.resolve("hostonly", List.of()))
        .hasMessageContaining("unable to find user hostonly");
  }
}
