package dev.jcompose.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.testkit.HostChecks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Verbs that only look or remove, typed in a project that has no containers while no engine runs
 * (fixture {@code flags}, fresh roots): they answer as docker compose does with nothing to show,
 * and leave no engine behind (docker compose starts no daemon either).
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
}
