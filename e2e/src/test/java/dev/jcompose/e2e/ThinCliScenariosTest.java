package dev.jcompose.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, the thin CLI: ./jcompose sends hosted verbs (ps, config, version, ls, images) to the
 * engine's door and prints its answer; the output and exit code are the full CLI's, byte for byte.
 */
@Tag("root")
class ThinCliScenariosTest extends OneProjectPerTest {
  private static final Path LAUNCHER = Jcompose.REPO.resolve("jcompose");

  private static final List<List<String>> HOSTED =
      List.of(
          List.of("ps"),
          List.of("ps", "-a", "--format", "{{.Name}} {{.Service}} {{.State}} {{.Image}}"),
          List.of("-p", "thin", "ps", "-q"),
          List.of("ps", "--services", "web"),
          List.of("config"),
          List.of("config", "-q"),
          List.of("config", "--format", "json"),
          List.of("-f", "compose.yaml", "config", "--services"),
          List.of("-f", "bad.yaml", "config"),
          List.of("config", "--no-such-flag"),
          List.of("version"),
          List.of("ls", "--format", "json"),
          List.of("images"),
          List.of("images", "--format", "json", "web"),
          List.of("-p", "thin", "images", "-q"));

  @Test
  void hostedVerbs_printWhatTheFullCliPrints_throughTheDoor() {
    jc = Jcompose.fixture("thin").withEnv("GREETING", "hello from the shell");
    jc.run("up", "-d").assertOk();
    assertThat(jc.root.resolve("run/door/engine.pid")).exists();
    for (List<String> argv : HOSTED) {
      Launched thin = launch(Map.of("JCOMPOSE_THIN", "require"), argv);
      Launched full = launch(Map.of("JCOMPOSE_THIN", "0"), argv);
      assertThat(thin.code).as("exit code of %s", argv).isEqualTo(full.code);
      assertThat(stable(thin.out)).as("stdout of %s", argv).isEqualTo(stable(full.out));
      assertThat(thin.err).as("stderr of %s", argv).isEqualTo(full.err);
    }
    // the caller's environment reaches the loader (interpolation), the warning its stderr
    Launched config = launch(Map.of("JCOMPOSE_THIN", "require"), List.of("config"));
    assertThat(config.out).contains("GREETING: hello from the shell");
    assertThat(config.err).contains("WARN[0000]").contains("TIER");
    Launched bad = launch(Map.of("JCOMPOSE_THIN", "require"), List.of("-f", "bad.yaml", "config"));
    assertThat(bad.code).isEqualTo(1);
    assertThat(bad.err).contains("bad.yaml");
  }

  @Test
  void twoClientsAtOnce_andAKilledEngine_fallsBackToTheFullCli() throws Exception {
    jc = Jcompose.fixture("thin");
    jc.run("up", "-d").assertOk();
    List<String> ps = List.of("ps", "--format", "{{.Name}} {{.State}}");
    String expected = launch(Map.of("JCOMPOSE_THIN", "0"), ps).out;
    List<CompletableFuture<Launched>> both = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      both.add(CompletableFuture.supplyAsync(() -> launch(Map.of("JCOMPOSE_THIN", "require"), ps)));
    }
    for (CompletableFuture<Launched> f : both) {
      Launched l = f.get(60, TimeUnit.SECONDS);
      assertThat(l.code).isZero();
      assertThat(l.out).isEqualTo(expected);
    }
    // kill -9: the door stays behind with a dead pid; the next ps runs the full CLI (which
    // starts a new engine: it re-adopts the containers and opens a fresh door)
    Path pidFile = jc.root.resolve("run/door/engine.pid");
    String dead = Files.readString(pidFile).trim();
    new ProcessBuilder("kill", "-9", dead).start().waitFor(10, TimeUnit.SECONDS);
    Launched after = launch(Map.of(), ps);
    assertThat(after.code).isZero();
    assertThat(after.out).isEqualTo(expected);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Files.exists(pidFile) && !Files.readString(pidFile).trim().equals(dead));
    // engine stop takes the door with it
    jc.run("engine", "stop").assertOk();
    assertThat(jc.root.resolve("run/door")).doesNotExist();
  }

  /**
   * Ages ("4 seconds ago", "Up 1 second") move between two runs, and the table's column widths with
   * them; the rest must not.
   */
  private static String stable(String out) {
    String age = "(\\d+ seconds?|Less than a second|About a minute|\\d+ minutes?)";
    return out.replaceAll(age + " ago", "T ago")
        .replaceAll("Up " + age, "Up T")
        .replaceAll("\"RunningFor\":\"[^\"]*\"", "\"RunningFor\":\"T\"")
        .replaceAll("\"Status\":\"[^\"]*\"", "\"Status\":\"T\"")
        .replaceAll(" {2,}", " ");
  }

  private record Launched(int code, String out, String err) {}

  /** ./jcompose as a user types it, with the jar pinned (no build check) and extra variables. */
  private Launched launch(Map<String, String> extra, List<String> argv) {
    List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
    cmd.addAll(argv);
    try {
      Path out = Files.createTempFile(jc.root, "out", ".txt");
      Path err = Files.createTempFile(jc.root, "err", ".txt");
      ProcessBuilder pb =
          new ProcessBuilder(cmd)
              .directory(jc.projectDir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      pb.environment().putAll(jc.env());
      pb.environment().put("JCOMPOSE_JAR", Jcompose.JAR.toString());
      pb.environment().putAll(extra);
      Process p = pb.start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("./jcompose " + argv + " did not finish in 120 s");
      }
      return new Launched(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
