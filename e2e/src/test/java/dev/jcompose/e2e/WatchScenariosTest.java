package dev.jcompose.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue "build" (watch): `jcompose watch` syncs edited files into the running container and
 * restarts it where the rule says so.
 */
@Tag("root")
class WatchScenariosTest extends OneProjectPerTest {

  private String inContainer(String... cmd) {
    String[] args = new String[cmd.length + 3];
    args[0] = "exec";
    args[1] = "-T";
    args[2] = "app";
    System.arraycopy(cmd, 0, args, 3, cmd.length);
    Jcompose.Result r = jc.run(args);
    return r.exitCode() == 0 ? r.stdout() : "exit " + r.exitCode() + ": " + r.stderr();
  }

  @Test
  void watch_syncsChangesIntoTheRunningContainer_andRestartsForConf() throws Exception {
    jc = Jcompose.fixture("watch-app");
    Path out = jc.root.resolve("watch.txt");
    Process watch = jc.start(out, "watch");
    try {
      await()
          .atMost(Duration.ofSeconds(240))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> Files.readString(out).contains("Watching"));
      assertThat(jc.run("logs", "app").stdout()).contains("started v1");
      String containerId = jc.run("ps", "-q").assertOk().stdout().strip();

      Path src = jc.projectDir.resolve("src");
      Files.writeString(src.resolve("page.txt"), "page v2\n");
      Files.createDirectories(src.resolve("new/dir"));
      Files.writeString(src.resolve("new/dir/added.txt"), "added\n");
      Files.delete(src.resolve("old.txt"));
      Files.writeString(src.resolve("scratch.tmp"), "ignored\n");
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () ->
                  inContainer("cat", "/app/src/page.txt", "/app/src/new/dir/added.txt")
                      .equals("page v2\nadded\n"));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> inContainer("ls", "/app/src").equals("new\npage.txt\nroot\n"));
      assertThat(jc.run("ps", "-q").assertOk().stdout().strip())
          .as("sync alone does not restart")
          .isEqualTo(containerId);
      assertThat(jc.run("logs", "app").stdout()).doesNotContain("started v2");

      // through the container's link to its own root: lands in the container, never on the host
      Files.createDirectories(src.resolve("root/tmp"));
      Files.writeString(src.resolve("root/tmp/jcompose-watch-probe"), "inside\n");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> inContainer("cat", "/tmp/jcompose-watch-probe").equals("inside\n"));
      assertThat(Path.of("/tmp/jcompose-watch-probe")).doesNotExist();

      Files.writeString(jc.projectDir.resolve("conf/version"), "v2\n");
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> jc.run("logs", "app").stdout().contains("started v2"));
      assertThat(Files.readString(out)).contains("Syncing", "Restarting");
    } finally {
      watch.destroy();
      watch.waitFor(30, TimeUnit.SECONDS);
      watch.destroyForcibly();
    }
  }
}
