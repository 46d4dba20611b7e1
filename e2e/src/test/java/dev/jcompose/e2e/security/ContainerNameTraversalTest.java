package dev.jcompose.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.e2e.Jcompose;
import dev.jcompose.testkit.HostChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: {@code container_name: ../../…/tmp/x} made a folder with hosts, hostname and
 * resolv.conf outside the state root before the runtime's id check failed. Now the name is refused
 * at load with docker's rule.
 */
@Tag("security")
@Tag("root")
class ContainerNameTraversalTest {
  private static final Path OUTSIDE = Path.of("/tmp/jcattack-container");
  private Jcompose jc;

  @AfterEach
  void tearDown() {
    try {
      if (jc != null) {
        jc.close();
      }
    } finally {
      Jcompose.deleteTree(OUTSIDE);
    }
    HostChecks.assertNoLeaks();
  }

  @Test
  void up_containerNameClimbingOut_isRefusedAndNothingIsWrittenOutside() {
    HostChecks.egressGuard();
    Jcompose.deleteTree(OUTSIDE);
    jc = Jcompose.fixture("container-name-traversal");

    Jcompose.Result r = jc.run(180, "up", "-d");

    assertThat(Files.exists(OUTSIDE)).as("%s created outside the state root", OUTSIDE).isFalse();
    InputRefusal.assertRefused(
        r,
        "compose.yaml:6:5",
        "services.app.container_name",
        "invalid container name \"../../../../../../../../../../tmp/jcattack-container\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
  }
}
