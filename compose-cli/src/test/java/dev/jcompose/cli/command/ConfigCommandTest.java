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

/** {@code jcompose config} end to end: real files through the real loader, output captured. */
class ConfigCommandTest {
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

  private int run(String yaml, String... args) throws Exception {
    Path file = dir.resolve("compose.yaml");
    Files.writeString(file, yaml);
    String[] all = new String[args.length + 5];
    all[0] = "-f";
    all[1] = file.toString();
    all[2] = "-p";
    all[3] = "demo";
    all[4] = "config";
    System.arraycopy(args, 0, all, 5, args.length);
    return JcomposeCli.execute(all);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void config_defaultYaml_isCanonical() throws Exception {
    int code = run("services:\n  web:\n    image: nginx\n    ports: ['8080:80']\n");
    assertThat(code).isZero();
    assertThat(out())
        .isEqualTo(
            """
        name: demo
        services:
          web:
            image: nginx
            networks:
              default: null
            ports:
              - mode: ingress
                target: 80
                published: "8080"
                protocol: tcp
        networks:
          default:
            name: demo_default
        """);
  }

  @Test
  void config_json_noTrailingNewline() throws Exception {
    assertThat(run("services:\n  web: {image: nginx}\n", "--format", "json")).isZero();
    assertThat(out())
        .startsWith("{\n  \"name\": \"demo\",")
        .endsWith("}")
        .contains("\"command\": null");
  }

  @Test
  void config_listings() throws Exception {
    String yaml =
        "services:\n  web: {image: nginx, volumes: [data:/data]}\n  dbg: {build: ., profiles: [debug]}\n"
            + "volumes: {data: {}, unused: {}}\n";
    run(yaml, "--services");
    run(yaml, "--volumes");
    run(yaml, "--profiles");
    run(yaml, "--images", "--profile", "debug");
    // only the volumes a service uses, as docker compose's loader keeps them
    assertThat(out()).isEqualTo("web\ndata\ndebug\ndemo-dbg\nnginx\n");
  }

  @Test
  void config_quiet_printsNothing_outputFileWritten() throws Exception {
    assertThat(run("services:\n  web: {image: nginx}\n", "-q")).isZero();
    Path target = dir.resolve("out.yaml");
    assertThat(run("services:\n  web: {image: nginx}\n", "-o", target.toString())).isZero();
    assertThat(out()).isEmpty();
    assertThat(Files.readString(target)).startsWith("name: demo\n");
  }

  @Test
  void config_noInterpolate_keepsVariablesAndDollars() throws Exception {
    assertThat(
            run(
                "services:\n  web:\n    image: nginx:${TAG}\n    ports: ['${PORT}:80']\n",
                "--no-interpolate",
                "--format",
                "json"))
        .isZero();
    assertThat(out()).contains("\"image\": \"nginx:${TAG}\"").contains("\"${PORT}:80\"");
  }

  @Test
  void config_invalidFile_exitsOneWithOneLine() throws Exception {
    int code = run("services:\n  web:\n    image: nginx\n    imagee: x\n");
    assertThat(code).isEqualTo(1);
    String message = err.toString(StandardCharsets.UTF_8);
    assertThat(message)
        .endsWith(
            "compose.yaml:4:5: services.web: additional property \"imagee\" is not allowed\n");
    assertThat(message.lines()).hasSize(1);
  }
}
