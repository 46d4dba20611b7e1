package dev.jcompose.scheduler.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {
  @Test
  void defaults_areDockersFourteen() {
    assertThat(Capabilities.compute(List.of(), List.of(), false))
        .hasSize(14)
        .contains("CHOWN", "NET_RAW", "AUDIT_WRITE");
  }

  @Test
  void addAndDrop_acceptPrefixAndCase() {
    List<String> caps =
        Capabilities.compute(
            List.of("cap_net_admin", "SYS_TIME"), List.of("CAP_NET_RAW", "mknod"), false);
    assertThat(caps)
        .contains("NET_ADMIN", "SYS_TIME")
        .doesNotContain("NET_RAW", "MKNOD")
        .hasSize(14);
  }

  @Test
  void addAll_grantsEverythingButDropped() {
    List<String> caps = Capabilities.compute(List.of("ALL"), List.of("SYS_ADMIN"), false);
    assertThat(caps).hasSize(Capabilities.ALL.size() - 1).doesNotContain("SYS_ADMIN");
  }

  @Test
  void dropAll_keepsOnlyAdded() {
    assertThat(Capabilities.compute(List.of("NET_BIND_SERVICE"), List.of("ALL"), false))
        .containsExactly("NET_BIND_SERVICE");
  }

  @Test
  void privileged_getsAll() {
    assertThat(Capabilities.compute(List.of(), List.of("ALL"), true))
        .hasSameSizeAs(Capabilities.ALL);
  }
}
