package dev.jcompose.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.testkit.HostChecks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The flags scripts pass to {@code up} and {@code down} (fixture {@code flags}): which services an
 * attached up shows (--attach, --no-attach, --attach-dependencies), when it stops
 * (--abort-on-container-failure), what it recreates (--always-recreate-deps, -V), what it prints
 * (--quiet-pull), and down SERVICE / --rmi. Steps in order on one project.
 */
@Tag("root")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpDownFlagsScenariosTest {
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
  @Order(1)
  void abortOnContainerFailure_stopsOnTheFirstFailure_noAttachHidesAService() {
    Jcompose.Result r =
        jc.run(
            120,
            "--profile",
            "once",
            "up",
            "--abort-on-container-failure",
            "--no-attach",
            "ok",
            "-y",
            "ok",
            "failing");
    assertThat(r.exitCode()).isEqualTo(9);
    assertThat(r.stdout()).contains("failing-now").doesNotContain("ok-done");
  }

  @Test
  @Order(2)
  void attach_showsOnlyTheNamedService_attachDependenciesAddsDependencies() {
    Jcompose.Result only =
        jc.run(
            120,
            "--profile",
            "once",
            "up",
            "--attach",
            "ok",
            "--abort-on-container-exit",
            "ok",
            "failing");
    assertThat(only.exitCode()).isZero();
    assertThat(only.stdout()).contains("ok-done").doesNotContain("failing-now");
    Jcompose.Result plain = jc.run(120, "--profile", "once", "up", "withdep");
    assertThat(plain.stdout()).contains("withdep-done").doesNotContain("ok-done");
    Jcompose.Result deps =
        jc.run(
            120, "--profile", "once", "up", "--attach-dependencies", "--force-recreate", "withdep");
    assertThat(deps.stdout()).contains("withdep-done", "ok-done");
    jc.run("--profile", "once", "rm", "-f", "ok", "failing", "withdep").assertOk();
  }

  @Test
  @Order(3)
  void alwaysRecreateDeps_recreatesTheDependency_quietPullPrintsNoPull() {
    jc.run(120, "up", "-d").assertOk();
    String before = id("db");
    jc.run("up", "-d", "web").assertOk();
    assertThat(id("db")).isEqualTo(before);
    jc.run("up", "-d", "--always-recreate-deps", "web").assertOk();
    assertThat(id("db")).isNotEqualTo(before);
    Jcompose.Result loud = jc.run(120, "up", "-d", "--pull", "always").assertOk();
    assertThat(loud.stderr()).contains("Pulled");
    Jcompose.Result quiet = jc.run(120, "up", "-d", "--pull", "always", "--quiet-pull").assertOk();
    assertThat(quiet.stderr()).doesNotContain("Pulling", "Pulled");
  }

  private String id(String service) {
    return jc.run("ps", "--format", "{{.ID}}", service).assertOk().stdout().trim();
  }

  @Test
  @Order(4)
  void renewAnonVolumes_givesARecreatedContainerNewAnonymousVolumes() {
    jc.run("exec", "-T", "db", "sh", "-c", "echo kept > /scratch/f").assertOk();
    jc.run("up", "-d", "--force-recreate", "db").assertOk();
    assertThat(jc.run("exec", "-T", "db", "cat", "/scratch/f").assertOk().stdout().trim())
        .isEqualTo("kept");
    jc.run("up", "-d", "--force-recreate", "-V", "db").assertOk();
    assertThat(jc.run("exec", "-T", "db", "cat", "/scratch/f").exitCode()).isNotZero();
  }

  @Test
  @Order(5)
  void downService_removesOnlyThatService_rmiAllRemovesTheImages() {
    jc.run("down", "-t", "0", "web").assertOk();
    assertThat(jc.run("ps", "-a", "--format", "{{.Service}}").assertOk().stdout().trim())
        .isEqualTo("db");
    assertThat(jc.run("network", "ls").assertOk().stdout()).contains("flags_default");
    Jcompose.Result all = jc.run("down", "-t", "0", "--rmi", "all").assertOk();
    assertThat(all.stderr()).contains("Image busybox  Removed");
    assertThat(jc.run("image", "ls", "-q").assertOk().stdout()).isBlank();
  }
}
