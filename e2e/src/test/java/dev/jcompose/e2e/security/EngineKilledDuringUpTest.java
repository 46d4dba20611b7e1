package dev.jcompose.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.e2e.Jcompose;
import dev.jcompose.testkit.HostChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The engine SIGKILLed at a random point of {@code up -d} of 20 services, 20 times in a row: each
 * time the next {@code up -d} must converge to exactly the stack a clean up makes (every service
 * running once; the same containers, cgroups, links, netns mounts and shims, none twice, none
 * extra), and the {@code down} after it must leave nothing of the project on the host.
 */
@Tag("security")
@Tag("root")
class EngineKilledDuringUpTest {
  private static final int ROUNDS = 20;
  private Jcompose jc;

  @AfterEach
  void tearDown() {
    if (jc != null) {
      jc.close();
      assertThat(HostChecks.leaksMentioning(jc.root.toString(), "killup")).isEmpty();
    }
  }

  @Test
  void engineKilledAtRandomPointsOfUp_nextUpConvergesWithoutDuplicatesOrLeaks() throws Exception {
    jc = Jcompose.fixture("killup");
    jc.run(300, "pull", "-q").assertOk();
    long start = System.nanoTime();
    jc.run(300, "up", "-d").assertOk();
    long upMillis = (System.nanoTime() - start) / 1_000_000;
    List<String> stack = hostResources();
    assertThat(stack).as("a clean up of 20 services").hasSizeGreaterThan(20 * 13);
    jc.run(180, "down", "-t", "1").assertOk();
    List<String> afterDown = hostResources();

    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int round = 1; round <= ROUNDS; round++) {
      long delay = (long) (random.nextDouble() * upMillis);
      String where =
          "round " + round + " (seed " + seed + "): engine killed " + delay + " ms into up";
      Process up = jc.start(jc.root.resolve("up-" + round + ".txt"), "up", "-d");
      TimeUnit.MILLISECONDS.sleep(delay);
      killEngine();
      assertThat(up.waitFor(120, TimeUnit.SECONDS)).as(where).isTrue();

      jc.run(300, "up", "-d").assertOk();

      assertConverged(where);
      assertThat(hostResources()).as(where + ": host resources after the next up").isEqualTo(stack);
      jc.run(180, "down", "-t", "1").assertOk();
      assertThat(hostResources()).as(where + ": host resources after down").isEqualTo(afterDown);
    }
  }

  private void killEngine() throws Exception {
    Path pidFile = jc.root.resolve("run/engine.pid");
    if (Files.exists(pidFile)) {
      new ProcessBuilder("kill", "-9", Files.readString(pidFile).trim())
          .start()
          .waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** 20 containers, one per service, all running; their state folders and nothing else. */
  private void assertConverged(String where) throws IOException {
    List<String> expected =
        IntStream.rangeClosed(1, 20).mapToObj(i -> "killup-s%02d-1".formatted(i)).toList();
    List<String> running = new ArrayList<>();
    for (String line : jc.run("ps", "-a", "--format", "json").assertOk().stdout().split("\n")) {
      if (!line.isBlank()) {
        JsonNode c = Json.parse(line);
        assertThat(c.get("State").asText())
            .as(where + ": " + c.get("Name").asText())
            .isEqualTo("running");
        running.add(c.get("Name").asText());
      }
    }
    assertThat(running).as(where).containsExactlyInAnyOrderElementsOf(expected);
    for (String root : List.of("data/containers", "run/containers")) {
      try (Stream<Path> s = Files.list(jc.root.resolve(root))) {
        assertThat(s.map(p -> p.getFileName().toString()))
            .as(where + ": " + root)
            .containsExactlyInAnyOrderElementsOf(expected);
      }
    }
    assertThat(jc.run("volume", "ls", "-q").assertOk().stdout().strip())
        .as(where)
        .isEqualTo("killup_data");
  }

  /**
   * What the leak check sees of this project on the host, as sorted lines with what differs between
   * two equal stacks taken out (pids, veth and bridge names, the engine instance id).
   */
  private List<String> hostResources() {
    TreeSet<String> seen = new TreeSet<>();
    List<String> lines = new ArrayList<>();
    for (String line : HostChecks.leaksMentioning(jc.root.toString(), "killup")) {
      String normal =
          line.replaceAll("^(link) \\S+", "$1 *")
              .replaceAll("^(process|engine) \\d+", "$1 *")
              .replaceAll("jcompose:[0-9a-f]+:", "jcompose:*:");
      lines.add(normal);
      seen.add(normal);
    }
    return lines.stream().sorted().toList();
  }
}
