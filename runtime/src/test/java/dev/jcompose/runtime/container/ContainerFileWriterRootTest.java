package dev.jcompose.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ExecSession;
import dev.jcompose.runtime.api.ExecSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Writes into running containers from the host, resolved inside the container only. */
@Tag("root")
class ContainerFileWriterRootTest extends RuntimeFixture {
  private ContainerFileWriter files;
  private Path host;

  @BeforeEach
  void start() throws Exception {
    files = new ContainerFileWriter(runtime);
    runtime.create(
        Specs.spec(
            "fw",
            image,
            "sh",
            "-c",
            "mkdir -p /app /tmp/outside && ln -s /etc /app/etc-link && ln -s ../../../../../tmp/outside /app/up && ln -s /etc/passwd /app/target && sleep 60"));
    runtime.start("fw");
    host = Files.createTempFile(root, "src", ".txt");
    Files.writeString(host, "synced\n");
    Files.setPosixFilePermissions(host, PosixFilePermissions.fromString("rwxr-x---"));
    for (int i = 0; i < 100 && !sh("test -L /app/target && echo ok").contains("ok"); i++) {
      Thread.sleep(20);
    }
  }

  private String sh(String script) throws Exception {
    ExecSession s =
        runtime.exec(
            "fw", new ExecSpec(List.of("sh", "-c", script), List.of(), "/", null, false, false));
    String out =
        new String(s.stdout().readAllBytes(), StandardCharsets.UTF_8)
            + new String(s.stderr().readAllBytes(), StandardCharsets.UTF_8);
    s.exitCode().get(10, TimeUnit.SECONDS);
    return out;
  }

  @Test
  void write_makesParentsAndKeepsTheMode() throws Exception {
    files.write("fw", host, "/app/new/dir/file.txt", 1000, 1000);
    assertThat(sh("cat /app/new/dir/file.txt; stat -c '%a %u' /app/new/dir/file.txt /app/new"))
        .isEqualTo("synced\n750 1000\n755 1000\n");
  }

  @Test
  void write_followsContainerSymlinksInsideTheContainerOnly() throws Exception {
    files.write("fw", host, "/app/etc-link/jc-written", 0, 0);
    files.write("fw", host, "/app/up/jc-written", 0, 0);
    assertThat(sh("cat /etc/jc-written /tmp/outside/jc-written")).isEqualTo("synced\nsynced\n");
    assertThat(Path.of("/etc/jc-written")).doesNotExist();
    assertThat(Path.of("/tmp/outside/jc-written")).doesNotExist();
  }

  @Test
  void write_replacesASymlinkInsteadOfWritingThroughIt() throws Exception {
    String before = sh("cat /etc/passwd");
    files.write("fw", host, "/app/target", 0, 0);
    assertThat(sh("test -L /app/target || cat /app/target")).isEqualTo("synced\n");
    assertThat(sh("cat /etc/passwd")).isEqualTo(before);
  }

  @Test
  void delete_removesFilesAndTrees() throws Exception {
    files.write("fw", host, "/app/tree/a/b.txt", 0, 0);
    files.write("fw", host, "/app/single.txt", 0, 0);
    files.delete("fw", "/app/single.txt");
    files.delete("fw", "/app/tree");
    files.delete("fw", "/app/absent");
    assertThat(sh("ls /app")).isEqualTo("etc-link\ntarget\nup\n");
  }

  @Test
  void write_refusesAStoppedContainer() {
    runtime.stop("fw", 9, java.time.Duration.ofSeconds(5));
    assertThatThrownBy(() -> files.write("fw", host, "/x", 0, 0))
        .isInstanceOf(ContainerException.class)
        .hasMessageContaining("not running");
  }
}
