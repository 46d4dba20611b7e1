package dev.jcompose.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.e2e.Jcompose;
import dev.jcompose.testkit.HostChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, faults: two {@code up} of one project typed at the same time (two terminals, a script
 * and a user) serialise on the engine's per-project lock: the second sees what the first made, so
 * the project ends with its three replicas, not six, and both commands succeed.
 */
@Tag("security")
@Tag("root")
class ConcurrentUpTest {
  private Jcompose jc;

  @AfterEach
  void tearDown() {
    if (jc != null) {
      jc.close();
    }
    HostChecks.assertNoLeaks();
  }

  @Test
  void twoUpsAtOnce_bothSucceed_withThreeContainersNotSix() throws Exception {
    HostChecks.egressGuard();
    jc = Jcompose.fixture("concurrent-up");
    Path out1 = Files.createTempFile(jc.root, "up1", ".txt");
    Path out2 = Files.createTempFile(jc.root, "up2", ".txt");

    Process first = jc.start(out1, "up", "-d");
    Process second = jc.start(out2, "up", "-d");

    for (Process p : List.of(first, second)) {
      if (!p.waitFor(240, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    assertThat(first.exitValue()).as(Files.readString(out1)).isZero();
    assertThat(second.exitValue()).as(Files.readString(out2)).isZero();
    List<String> names = new java.util.ArrayList<>();
    for (String line :
        jc.run("ps", "-a", "--format", "json").assertOk().stdout().lines().toList()) {
      dev.jcompose.common.json.JsonNode n = dev.jcompose.common.json.Json.parse(line);
      (n.isArray() ? n : List.of(n)).forEach(c -> names.add(c.get("Name").asText()));
    }
    names.sort(null);
    assertThat(names)
        .containsExactly("concurrent-up-web-1", "concurrent-up-web-2", "concurrent-up-web-3");
  }
}
