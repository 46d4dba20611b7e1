package dev.jcompose.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jcompose.testkit.HostChecks;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Verbs about a project's containers, typed in a project that has no containers while no engine
 * runs (fixture {@code flags}, fresh roots): they answer as docker compose does with nothing to
 * show or do, exactly as an engine answers for the empty project, and leave no engine behind
 * (docker compose starts no daemon either). With containers, or a network left for {@code down},
 * they start the engine and act.
 */
@Tag("root")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoEngineScenariosTest {
  private Jcompose jc;

  @BeforeAll
  void fixture() {
    jc = Jcompose.fixture("flags");
  }

  @AfterAll
  void down() {
    if (jc != null) {
      jc.close();
    }
    HostChecks.assertNoLeaks();
  }

  @Test
  void psRmTopImagesPortLs_withoutContainers_answerEmpty_andStartNoEngine() {
    assertThat(jc.run("ps").assertOk().stdout())
        .isEqualTo("NAME      IMAGE     COMMAND   SERVICE   CREATED   STATUS    PORTS\n");
    assertThat(jc.run("ps", "-a", "-q").assertOk().stdout()).isEmpty();
    assertThat(jc.run("rm", "-f").assertOk().stderr()).contains("No stopped containers");
    assertThat(jc.run("rm", "-f", "-s", "-v", "web").assertOk().stderr())
        .contains("No stopped containers");
    jc.run("top").assertOk();
    jc.run("images", "-q").assertOk();
    Jcompose.Result port = jc.run("port", "web", "80");
    assertThat(port.exitCode()).isEqualTo(1);
    assertThat(port.stderr()).contains("has no running container");
    assertThat(jc.run("ls", "-a", "-q").assertOk().stdout()).isEmpty();
    assertThat(jc.root.resolve("run/engine.sock")).doesNotExist();
  }

  /**
   * Each state-changing verb on the empty project, first with no engine (none may start), then the
   * same calls answered by a running engine: exit code, stdout and stderr must be the same.
   */
  @Test
  void stateVerbs_withoutContainers_answerAsTheEngineDoes_andStartNoEngine() {
    List<List<String>> calls =
        List.of(
            List.of("stop"),
            List.of("stop", "-t", "1", "web"),
            List.of("start"),
            List.of("start", "web"),
            List.of("restart"),
            List.of("restart", "web", "db"),
            List.of("kill"),
            List.of("kill", "web"),
            List.of("kill", "-s", "SIGBOGUS"),
            List.of("kill", "--remove-orphans"),
            List.of("pause"),
            List.of("pause", "web"),
            List.of("unpause"),
            List.of("unpause", "db"),
            List.of("down"),
            List.of("down", "-v", "--remove-orphans", "-t", "1"),
            List.of("down", "web"),
            List.of("wait"),
            List.of("top", "web"));
    try (Jcompose empty = Jcompose.fixture("flags")) {
      Map<List<String>, Jcompose.Result> withoutEngine = new LinkedHashMap<>();
      for (List<String> call : calls) {
        withoutEngine.put(call, empty.run(call.toArray(String[]::new)));
        assertThat(empty.root.resolve("run/engine.sock"))
            .as("%s started an engine", call)
            .doesNotExist();
      }
      assertThat(empty.run("engine", "start").assertOk().stdout())
          .startsWith("jcompose engine is running (pid ");
      assertThat(empty.root.resolve("run/engine.sock")).exists();
      for (List<String> call : calls) {
        assertThat(empty.run(call.toArray(String[]::new)))
            .as("%s with an engine", call)
            .isEqualTo(withoutEngine.get(call));
      }
    }
  }

  /**
   * With containers but no engine, the verbs start it and act; {@code down} of a project whose
   * containers are gone but whose network is left starts it too and removes the network.
   */
  @Test
  void stateVerbs_withContainersButNoEngine_startItAndAct() {
    try (Jcompose stack = Jcompose.fixture("flags")) {
      stack.run(120, "up", "-d", "web", "db").assertOk();
      expectStates(stack, "db:running web:running");
      act(stack, "pause", "web");
      expectStates(stack, "db:running web:paused");
      act(stack, "unpause", "web");
      expectStates(stack, "db:running web:running");
      act(stack, "kill", "web");
      expectStates(stack, "db:running web:exited");
      act(stack, "start", "web");
      expectStates(stack, "db:running web:running");
      act(stack, "stop", "-t", "1");
      expectStates(stack, "db:exited web:exited");
      act(stack, "restart", "-t", "1");
      expectStates(stack, "db:running web:running");
      act(stack, "rm", "-f", "-s", "-v");
      expectStates(stack, "");
      stack.run("engine", "stop").assertOk();
      // no container left, but the project's network is: down must still remove it
      Jcompose.Result down = stack.run(60, "down");
      down.assertOk();
      assertThat(down.stderr()).contains("Network flags_default").contains("Removed");
      assertThat(stack.root.resolve("run/engine.sock")).exists();
      assertThat(stack.run("network", "ls", "-q").assertOk().stdout())
          .doesNotContain("flags_default");
    }
  }

  /** Stops the engine, then runs the verb: it must start the engine to act on the containers. */
  private static void act(Jcompose stack, String... verb) {
    stack.run("engine", "stop").assertOk();
    stack.run(60, verb).assertOk();
    assertThat(stack.root.resolve("run/engine.sock")).as("%s started the engine", verb[0]).exists();
  }

  /**
   * Waits (bounded) until {@link #states} is {@code expected}: a kill or stop lands a moment later.
   */
  private static void expectStates(Jcompose stack, String expected) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(states(stack)).isEqualTo(expected));
  }

  /** "service:state" of every container, sorted by service. */
  private static String states(Jcompose stack) {
    return String.join(
        " ",
        stack
            .run("ps", "-a", "--format", "{{.Service}}:{{.State}}")
            .assertOk()
            .stdout()
            .lines()
            .sorted()
            .toList());
  }
}
