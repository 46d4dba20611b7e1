package dev.jcompose.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.testkit.HostChecks;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code run} as scripts and users type it (fixture {@code runflags}): on a project that is not up,
 * with everything after SERVICE for the container, stdin attached by default and a tty on a
 * terminal, and the flags -v, -l, --cap-add/--cap-drop, --env-from-file, --use-aliases, --pull, -q.
 * The first test runs before anything is up.
 */
@Tag("root")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunScenariosTest {
  private Jcompose jc;

  @BeforeAll
  void fixture() {
    jc = Jcompose.fixture("runflags");
  }

  @AfterAll
  void down() {
    if (jc != null) {
      jc.close();
    }
    HostChecks.assertNoLeaks();
  }

  @Test
  @Order(1)
  void runRm_onAProjectThatIsNotUp_makesTheNetworkFirst_withAndWithoutDeps() {
    Jcompose.Result noDeps = jc.run("run", "--rm", "--no-deps", "-T", "dep", "echo", "no-deps-ok");
    assertThat(noDeps.stderr()).doesNotContain("internal error");
    assertThat(noDeps.assertOk().stdout()).contains("no-deps-ok");
    assertThat(jc.run("run", "--rm", "-T", "app", "echo", "with-deps-ok").assertOk().stdout())
        .contains("with-deps-ok");
    assertThat(jc.run("ps", "--format", "{{.Service}}").assertOk().stdout().trim())
        .isEqualTo("dep");
  }

  @Test
  @Order(2)
  void everythingAfterService_goesToTheContainer_optionsIncluded() {
    assertThat(
            jc.run("run", "--rm", "-T", "shell", "-c", "echo via-entrypoint $0", "zero")
                .assertOk()
                .stdout()
                .trim())
        .isEqualTo("via-entrypoint zero");
    assertThat(jc.run("run", "--rm", "-T", "probe", "ls", "-d", "/etc").assertOk().stdout().trim())
        .isEqualTo("/etc");
  }

  @Test
  @Order(3)
  void stdin_isAttachedByDefault_soAPipedScriptRuns_andItsExitCodeIsOurs() {
    Jcompose.Result r =
        jc.runWithInput(90, "echo piped-$((1+2))\nexit 7\n", "run", "--rm", "probe", "sh");
    assertThat(r.exitCode()).isEqualTo(7);
    assertThat(r.stdout()).contains("piped-3");
    assertThat(
            jc.runWithInput(90, "ignored\n", "run", "--rm", "-i=false", "probe", "cat")
                .assertOk()
                .stdout())
        .isBlank();
  }

  @Test
  @Order(4)
  void onATerminal_runGetsATtyAndAnInteractiveShell() {
    Jcompose.Result r =
        jc.runOnTerminal(90, "test -t 0 && echo is-a-tty\nexit 4\n", "run", "--rm", "probe", "sh");
    assertThat(r.stdout()).contains("is-a-tty");
    assertThat(r.exitCode()).isEqualTo(4);
    Jcompose.Result noTty =
        jc.runOnTerminal(
            90, "test -t 0 || echo no-tty\nexit 0\n", "run", "--rm", "-T", "probe", "sh");
    assertThat(noTty.stdout()).contains("no-tty");
  }

  @Test
  @Order(5)
  void volumeLabelAndCapabilityFlags_changeTheOneOff() throws IOException {
    String out =
        jc.run(
                "run",
                "--rm",
                "-T",
                "-v",
                "./hostdir:/mnt/h:ro",
                "--cap-add",
                "NET_ADMIN",
                "--cap-drop",
                "CHOWN",
                "probe",
                "sh",
                "-c",
                "cat /mnt/h/f; grep CapEff /proc/self/status")
            .assertOk()
            .stdout();
    // docker's default set 0xa80425fb without CHOWN (bit 0), with NET_ADMIN (bit 12)
    assertThat(out).contains("from-the-host", "CapEff:\t00000000a80435fa");
    String name =
        jc.run("run", "-d", "-l", "com.example.team=blue", "probe", "sleep", "60")
            .assertOk()
            .stdout()
            .trim();
    JsonNode c = Json.parse(jc.run("container", "inspect", name).assertOk().stdout()).path(0);
    assertThat(c.path("Config").path("Labels").path("com.example.team").asText()).isEqualTo("blue");
    jc.run("rm", "-f", "-s", "probe").assertOk();
  }

  @Test
  @Order(6)
  void envFromFile_thenEnvFlags_win() {
    assertThat(
            jc.run(
                    "run",
                    "--rm",
                    "-T",
                    "--env-from-file",
                    "vars.env",
                    "-e",
                    "BAR=cli",
                    "probe",
                    "sh",
                    "-c",
                    "echo $FOO-$BAR-$QUOTED")
                .assertOk()
                .stdout()
                .trim())
        .isEqualTo("from-file-cli-two words");
  }

  @Test
  @Order(7)
  void useAliases_registersTheServiceNameForTheOneOff_withoutItIsNotRegistered() {
    jc.run("run", "-d", "--name", "plain-lonely", "lonely").assertOk();
    assertThat(jc.run("run", "--rm", "-T", "probe", "nslookup", "lonely").stdout())
        .doesNotContain("Address: 1");
    jc.run("rm", "-f", "-s", "lonely").assertOk();
    jc.run("run", "-d", "--use-aliases", "--name", "aliased-lonely", "lonely").assertOk();
    assertThat(jc.run("run", "--rm", "-T", "probe", "nslookup", "lonely").assertOk().stdout())
        .containsPattern("Address:\\s+\\d+\\.\\d+");
    jc.run("rm", "-f", "-s", "lonely").assertOk();
  }

  @Test
  @Order(8)
  void pullNever_withAnImageNotPresent_fails_andQuietPrintsNoProgress() {
    Jcompose.Result never = jc.run("run", "--rm", "--pull", "never", "-T", "absent", "true");
    assertThat(never.exitCode()).isEqualTo(1);
    assertThat(never.stderr()).contains("not present locally");
    Jcompose.Result quiet =
        jc.run("run", "-q", "--rm", "-T", "probe", "echo", "quiet-ok").assertOk();
    assertThat(quiet.stdout().trim()).isEqualTo("quiet-ok");
    assertThat(quiet.stderr()).doesNotContain("Creating", "Started");
  }
}
