package dev.jcompose.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.e2e.Jcompose;
import dev.jcompose.testkit.HostChecks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: {@code sysctls: {kernel.core_pattern: …}} changed the host's core_pattern (a pipe
 * handler there runs as host root on every crash): sysctls outside the container's namespaces were
 * written with full privileges. Now only runc's namespaced sysctls are accepted, at load.
 */
@Tag("security")
@Tag("root")
class HostSysctlTest {
  private static final String KEY = "kernel.core_pattern";
  private final String before = HostNetworking.sysctl(KEY);
  private Jcompose jc;

  @AfterEach
  void tearDown() {
    try {
      if (jc != null) {
        jc.close();
      }
    } finally {
      if (!HostNetworking.sysctl(KEY).equals(before)) {
        HostNetworking.setSysctl(
            KEY, before); // undo what the attack did on the code before the fix
      }
    }
    HostChecks.assertNoLeaks();
  }

  @Test
  void up_corePatternSysctl_isRefusedNamingTheKey_andTheHostValueIsUnchanged() {
    HostChecks.egressGuard();
    jc = Jcompose.fixture("host-sysctl");

    Jcompose.Result r = jc.run(180, "up", "-d");

    assertThat(HostNetworking.sysctl(KEY)).isEqualTo(before);
    InputRefusal.assertRefused(
        r,
        "compose.yaml:7:7",
        "services.app.sysctls.kernel.core_pattern",
        "sysctl kernel.core_pattern is not allowed: it is not in a namespace of the container and would change the host");
  }
}
