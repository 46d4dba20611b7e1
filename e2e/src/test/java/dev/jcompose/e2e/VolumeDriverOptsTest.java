package dev.jcompose.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, volumes: docker's local driver options through the CLI. A tmpfs volume is one tmpfs
 * shared by the containers that mount it, with the size and owner the options give; a bind volume
 * is the host directory itself, whose files {@code down -v} never deletes.
 */
@Tag("root")
class VolumeDriverOptsTest extends OneProjectPerTest {

  @Test
  void tmpfsAndBindOptions_mountedShared_andHostFilesSurviveDownV() throws Exception {
    jc = Jcompose.fixture("voldriver");
    Path hostDir = jc.root.resolve("hostdir");
    Files.createDirectories(hostDir);
    Files.writeString(hostDir.resolve("kept"), "the host's own file\n");
    jc.withEnv("HOST_DIR", hostDir.toString());
    jc.run(180, "up", "-d").assertOk();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jc.run("exec", "-T", "reader", "cat", "/scratch/note")
                    .stdout()
                    .contains("from-writer"));
    String df = jc.run("exec", "-T", "writer", "df", "-k", "/scratch").assertOk().stdout();
    assertThat(df).contains("tmpfs").contains("4096");
    assertThat(
            jc.run("exec", "-T", "writer", "stat", "-c", "%u", "/scratch")
                .assertOk()
                .stdout()
                .strip())
        .isEqualTo("1000");
    assertThat(Files.readString(hostDir.resolve("note"))).isEqualTo("on-host\n");
    assertThat(jc.run("exec", "-T", "writer", "cat", "/host/kept").assertOk().stdout())
        .contains("the host's own file");

    jc.run("down", "-v", "-t", "1").assertOk();

    assertThat(Files.readString(hostDir.resolve("kept"))).isEqualTo("the host's own file\n");
    assertThat(hostDir.resolve("note")).exists();
  }
}
