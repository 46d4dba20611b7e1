package dev.jcompose.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.e2e.Jcompose;
import dev.jcompose.testkit.HostChecks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: a network {@code name:} with a newline followed by {@code netns add …} created that
 * namespace on the host, because names reached {@code ip -batch} as text. Now the name is refused
 * at load, and links are made over netlink only.
 */
@Tag("security")
@Tag("root")
class NetworkNameInjectionTest {
  private static final String INJECTED = "jcattack-netns";
  private Jcompose jc;

  @AfterEach
  void tearDown() {
    try {
      if (jc != null) {
        jc.close();
      }
    } finally {
      if (HostNetworking.netns().contains(INJECTED)) {
        HostNetworking.deleteNetns(INJECTED); // what the attack made on the code before the fix
      }
    }
    HostChecks.assertNoLeaks();
  }

  @Test
  void up_networkNameWithNewlineAndIpCommand_isRefusedAndNoNamespaceAppears() {
    HostChecks.egressGuard();
    jc = Jcompose.fixture("netname-injection");

    Jcompose.Result r = jc.run(180, "up", "-d");

    assertThat(HostNetworking.netns()).doesNotContain(INJECTED);
    InputRefusal.assertRefused(
        r,
        "compose.yaml:9:5",
        "networks.n.name",
        "invalid network name \"x\\nnetns add jcattack-netns\"");
  }
}
