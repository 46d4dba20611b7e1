package dev.jcompose.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.testkit.HostChecks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The rest of the command line as users and scripts type it (fixture {@code flags}): ps
 * --filter/--orphans/--format templates, config --hash/--variables/--environment/--no-normalize/
 * --resolve-image-digests, the global --ansi/--progress/--parallel/--dry-run, pull progress, shell
 * completion, man pages and --help.
 */
@Tag("root")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliSurfaceScenariosTest {
  private Jcompose jc;

  @BeforeAll
  void up() {
    jc = Jcompose.fixture("flags");
    jc.run(180, "--parallel", "1", "up", "-d").assertOk();
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
  void psFilterOrphansAndGoTemplates() throws Exception {
    jc.run("stop", "-t", "0", "db").assertOk();
    assertThat(
            jc.run("ps", "--filter", "status=exited", "--format", "{{.Service}}")
                .assertOk()
                .stdout()
                .trim())
        .isEqualTo("db");
    assertThat(jc.run("ps", "--format", "{{.Name}}").assertOk().stdout().trim())
        .isEqualTo("flags-web-1");
    String table =
        jc.run("ps", "-a", "--format", "table {{.Service}}\t{{.State}}").assertOk().stdout();
    assertThat(table.lines().toList())
        .containsExactly("SERVICE   STATE", "db        exited", "web       running");
    JsonNode json = Json.parse(jc.run("ps", "--format", "{{json .}}").assertOk().stdout());
    assertThat(json.get("Service").asText()).isEqualTo("web");
    jc.run("start", "db").assertOk();
    jc.run("-f", "compose.yaml", "-f", "extra.yaml", "up", "-d", "extra").assertOk();
    assertThat(jc.run("ps", "--format", "{{.Service}}").assertOk().stdout()).contains("extra");
    assertThat(jc.run("ps", "--orphans=false", "--format", "{{.Service}}").assertOk().stdout())
        .doesNotContain("extra");
    jc.run("up", "-d", "--remove-orphans").assertOk();
  }

  @Test
  @Order(2)
  void configHashVariablesEnvironmentNoNormalizeAndDigests() {
    String hash = jc.run("config", "--hash", "web").assertOk().stdout().trim();
    assertThat(hash).matches("web [0-9a-f]{64}");
    assertThat(jc.run("config", "--hash", "*").assertOk().stdout().lines())
        .hasSize(2)
        .anyMatch(l -> l.startsWith("db "));
    String vars = jc.run("config", "--variables").assertOk().stdout();
    assertThat(vars)
        .contains("NAME", "REQUIRED", "DEFAULT VALUE")
        .containsPattern("WEB_IMAGE\\s+false\\s+busybox");
    assertThat(jc.run("config", "--environment").assertOk().stdout().lines())
        .contains("COMPOSE_PROJECT_NAME=flags");
    assertThat(jc.run("config", "--no-normalize").assertOk().stdout()).contains("- db");
    assertThat(jc.run("config", "--resolve-image-digests").assertOk().stdout())
        .containsPattern("image: busybox@sha256:[0-9a-f]{64}");
  }

  @Test
  @Order(3)
  void dryRun_onEveryStateChangingVerb_changesNothing() {
    String before = jc.run("ps", "-a", "--format", "{{.Name}} {{.State}}").assertOk().stdout();
    for (List<String> verb :
        List.of(
            List.of("stop"),
            List.of("kill"),
            List.of("pause"),
            List.of("rm", "-f", "-s"),
            List.of("down", "-v"),
            List.of("restart"),
            List.of("up", "-d", "--force-recreate"))) {
      List<String> args = new ArrayList<>(List.of("--dry-run"));
      args.addAll(verb);
      Jcompose.Result r = jc.run(args.toArray(String[]::new)).assertOk();
      assertThat(r.stderr()).as(String.join(" ", verb)).contains("DRY-RUN MODE");
    }
    assertThat(jc.run("ps", "-a", "--format", "{{.Name}} {{.State}}").assertOk().stdout())
        .isEqualTo(before);
  }

  @Test
  @Order(4)
  void progressAnsiAndPullProgress_asAskedFor() throws Exception {
    assertThat(jc.run("--progress", "quiet", "restart", "-t", "0", "db").assertOk().stderr())
        .isBlank();
    String json = jc.run("--progress", "json", "restart", "-t", "0", "db").assertOk().stderr();
    assertThat(Json.parse(json.lines().findFirst().orElseThrow()).get("id").asText())
        .isEqualTo("Container flags-db-1");
    assertThat(
            jc.run("--ansi", "never", "--progress", "plain", "restart", "-t", "0", "db")
                .assertOk()
                .stderr())
        .contains("Container flags-db-1  Started")
        .doesNotContain("\u001b[");
    // pull with layer progress: the image must be downloaded again
    jc.run("down", "-t", "0").assertOk();
    jc.run("image", "rm", "busybox").assertOk();
    String pulled = jc.run(180, "--progress", "json", "pull", "db").assertOk().stderr();
    assertThat(pulled.lines().filter(l -> l.contains("\"total\"")).toList()).isNotEmpty();
    jc.run("image", "rm", "busybox").assertOk();
    String tty = jc.run(180, "--progress", "tty", "pull", "db").assertOk().stderr();
    assertThat(tty).contains("[+] Running", "\u001b[", "Pull complete");
    jc.run(120, "up", "-d").assertOk();
  }

  @Test
  @Order(5)
  void completionScriptsAndManPages_install() throws Exception {
    String bash = jc.run("completion", "bash").assertOk().stdout();
    Path script = jc.root.resolve("jcompose.bash");
    Files.writeString(script, bash);
    assertThat(exec("bash", "-n", script.toString())).isZero();
    assertThat(bash).contains("_jcompose_complete", "complete -F _jcompose_complete");
    // TAB after `jcompose -f compose.yaml logs `, in a real bash asking the real CLI
    String tab =
        "jcompose() { java -jar '"
            + Jcompose.JAR
            + "' \"$@\"; }\nsource '"
            + script
            + "'\nCOMP_WORDS=(jcompose -f compose.yaml logs '')\nCOMP_CWORD=4\n"
            + "_jcompose_complete\necho \"${COMPREPLY[*]}\"\n";
    ProcessBuilder pb = new ProcessBuilder("bash", "--norc", "-c", tab);
    pb.directory(jc.projectDir.toFile()).environment().putAll(jc.env());
    Process p = pb.start();
    String offered = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(offered.trim()).isEqualTo("db web");
    assertThat(jc.run("completion", "zsh").assertOk().stdout())
        .contains("#compdef jcompose", "__complete services");
    assertThat(jc.run("completion", "fish").assertOk().stdout())
        .contains("complete -c jcompose", "__complete services");
    assertThat(jc.run("__complete", "services").assertOk().stdout().lines())
        .containsExactly("db", "web");
    assertThat(jc.run("__complete", "verbs").assertOk().stdout())
        .contains("up\tCreate and start containers")
        .doesNotContain("__complete");
    Path man = jc.root.resolve("man1");
    jc.run("man", "--dir", man.toString()).assertOk();
    assertThat(man.resolve("jcompose.1")).exists();
    assertThat(Files.readString(man.resolve("jcompose-up.1")))
        .startsWith(".TH \"JCOMPOSE-UP\" 1")
        .contains(".SH OPTIONS", "abort\\-on\\-container\\-exit");
    assertThat(man.resolve("jcompose-image-save.1")).exists();
  }

  @Test
  @Order(6)
  void help_listsTheVerbsInDockerComposesOrderAndWords() {
    String help = jc.run("--help").assertOk().stdout();
    List<String> order =
        List.of(
            "attach", "config", "cp", "create", "down", "events", "exec", "export", "images",
            "kill", "logs", "ls", "pause", "port", "ps", "pull", "restart", "rm", "run", "scale",
            "start", "stats", "stop", "top", "unpause", "up", "version", "volumes", "wait");
    int at = -1;
    for (String verb : order) {
      int i = help.indexOf("\n  " + verb + " ");
      assertThat(i).as(verb).isGreaterThan(at);
      at = i;
    }
    assertThat(help)
        .contains(
            "Attach local standard input, output, and error streams to a service's running container",
            "Display a live stream of container(s) resource usage statistics",
            "Block until containers of all (or specified) services stop.");
  }

  private static int exec(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }
}
