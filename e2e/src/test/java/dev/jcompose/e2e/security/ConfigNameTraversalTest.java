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
 * Issue 12: the engine writes a config's {@code content} to a file named after the config. A name
 * climbing out with {@code ../} was refused only by an internal error (exit 125 with a Java class
 * name); an absolute name wrote the compose file's text to that host path as root. Now both are
 * refused at load.
 */
@Tag("security")
@Tag("root")
class ConfigNameTraversalTest {
  private static final Path RELATIVE_TARGET = Path.of("/tmp/jcattack-config");
  private static final Path ABSOLUTE_TARGET = Path.of("/tmp/jcattack-config-abs");
  private Jcompose jc;

  @AfterEach
  void tearDown() {
    try {
      if (jc != null) {
        jc.close();
      }
    } finally {
      Jcompose.deleteTree(RELATIVE_TARGET);
      Jcompose.deleteTree(ABSOLUTE_TARGET);
    }
    HostChecks.assertNoLeaks();
  }

  @Test
  void up_configNameClimbingOut_isRefusedAtLoad() {
    HostChecks.egressGuard();
    jc = Jcompose.fixture("config-name-traversal");

    Jcompose.Result r = jc.run(180, "up", "-d");

    assertThat(Files.exists(RELATIVE_TARGET)).isFalse();
    InputRefusal.assertRefused(
        r,
        "compose.yaml:8:3",
        "configs.../../../../../../../../../../tmp/jcattack-config",
        "invalid config name \"../../../../../../../../../../tmp/jcattack-config\": must match [a-zA-Z0-9._-]+");
  }

  @Test
  void up_configNamedByAnAbsoluteHostPath_isRefusedAndTheFileIsNotWritten() {
    HostChecks.egressGuard();
    jc = Jcompose.fixture("config-name-absolute");

    Jcompose.Result r = jc.run(180, "up", "-d");

    assertThat(Files.exists(ABSOLUTE_TARGET)).as("the engine wrote %s", ABSOLUTE_TARGET).isFalse();
    InputRefusal.assertRefused(
        r,
        "compose.yaml:8:3",
        "configs./tmp/jcattack-config-abs",
        "invalid config name \"/tmp/jcattack-config-abs\": must match [a-zA-Z0-9._-]+");
  }
}
