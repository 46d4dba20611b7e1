package dev.jcompose.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.cli.JcomposeCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jcompose convert} as a user types it: real files, the real loader and converter, output
 * captured.
 */
class ConvertCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void capture() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  private int convert(String yaml, String... args) throws Exception {
    Path file = dir.resolve("compose.yaml");
    Files.writeString(file, yaml);
    String[] all = new String[args.length + 5];
    System.arraycopy(new String[] {"-f", file.toString(), "-p", "demo", "convert"}, 0, all, 0, 5);
    System.arraycopy(args, 0, all, 5, args.length);
    return JcomposeCli.execute(all);
  }

  @Test
  void convert_toStdout_printsManifestsAndWarnsWithFileLine() throws Exception {
    int code =
        convert(
            "services:\n  web:\n    image: nginx\n    ports: ['8080:80']\n    network_mode: host\n");
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("---\napiVersion: apps/v1\nkind: Deployment\n")
        .contains("kind: Service\n")
        .contains("      targetPort: 80\n");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "warning: "
                + dir.resolve("compose.yaml")
                + ":5:5: services.web.network_mode: network_mode host has no equivalent"
                + " (a pod shares the node's network only with hostNetwork, which convert does not set); not converted\n");
  }

  @Test
  void convert_outputDir_writesOneFilePerObject() throws Exception {
    Path target = dir.resolve("k8s");
    int code =
        convert(
            "services:\n  db:\n    image: postgres\n    volumes: [data:/var/lib/postgresql/data]\nvolumes:\n  data:\n",
            "-o",
            target.toString(),
            "--storage-size",
            "5Gi");
    assertThat(code).isZero();
    try (var files = Files.list(target)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly(
              "data-persistentvolumeclaim.yaml", "db-service.yaml", "db-statefulset.yaml");
    }
    assertThat(Files.readString(target.resolve("data-persistentvolumeclaim.yaml")))
        .contains("storage: 5Gi");
  }

  @Test
  void convert_unknownFormat_isAUsageError() throws Exception {
    assertThat(convert("services:\n  web:\n    image: nginx\n", "--format", "nomad")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unsupported format \"nomad\"");
  }

  @Test
  void convert_badComposeFile_failsWithFileLine() throws Exception {
    assertThat(convert("services:\n  web:\n    image: nginx\n    ports: ['80800:80']\n"))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("compose.yaml:");
  }
}
