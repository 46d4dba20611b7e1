package dev.jcompose.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.cli.JcomposeCli;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.api.VolumeService;
import dev.jcompose.runtime.volume.LocalVolumeService;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ComposeServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeCommandTest {
  @TempDir Path tmp;
  private VolumeService volumes;
  private Supplier<ComposeService> saved;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void setUp() {
    volumes = new LocalVolumeService(new RuntimePaths(tmp.resolve("data"), tmp.resolve("run")));
    saved = CommandContext.compose;
    Map<String, String> env =
        Map.of(
            "JCOMPOSE_DATA_ROOT",
            tmp.resolve("data").toString(),
            "JCOMPOSE_RUN_ROOT",
            tmp.resolve("run").toString());
    CommandContext.compose = () -> ComposeServices.forEnvironment(env);
    volumes.ensure(
        "shop_db", Map.of("com.docker.compose.project", "shop", "com.docker.compose.volume", "db"));
    volumes.ensure("shop_cache", Map.of("com.docker.compose.project", "shop"));
    volumes.ensure("other_db", Map.of("com.docker.compose.project", "other"));
  }

  @AfterEach
  void restore() {
    CommandContext.compose = saved;
    if (savedOut != null) {
      System.setOut(savedOut);
      System.setErr(savedErr);
    }
  }

  private int run(String... args) {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return JcomposeCli.execute(args);
    } finally {
      System.setOut(savedOut);
      System.setErr(savedErr);
    }
  }

  @Test
  void ls_listsOnlyTheProjectsVolumes_asATable() {
    assertThat(run("-p", "shop", "volume", "ls")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("DRIVER    VOLUME NAME\nlocal     shop_cache\nlocal     shop_db\n");
  }

  @Test
  void ls_withoutProjectFlag_takesTheNameFromTheComposeFile() throws Exception {
    Path file =
        java.nio.file.Files.writeString(
            tmp.resolve("compose.yaml"), "name: shop\nservices:\n  web:\n    image: nginx\n");
    assertThat(run("-f", file.toString(), "volume", "ls", "-q")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("shop_cache\nshop_db\n");
  }

  @Test
  void ls_quiet_printsNames() {
    assertThat(run("volume", "ls", "-q", "-p", "shop")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("shop_cache\nshop_db\n");
  }

  @Test
  void ls_json_printsOneDockerStyleObjectPerLine() {
    assertThat(run("-p", "shop", "volume", "ls", "--format", "json")).isZero();
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[1])
        .startsWith("{\"Availability\":\"N/A\",\"Driver\":\"local\",")
        .contains(
            "\"Labels\":\"com.docker.compose.project=shop,com.docker.compose.volume=db\"",
            "\"Name\":\"shop_db\"",
            "\"Scope\":\"local\"");
  }

  @Test
  void rm_byFullNameOrComposeKey_removes_andReportsMissingOnes() {
    assertThat(run("-p", "shop", "volume", "rm", "shop_db", "cache", "nope")).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("shop_db\nshop_cache\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such volume: shop_nope");
    assertThat(volumes.list())
        .extracting(VolumeService.VolumeInfo::name)
        .containsExactly("other_db");
  }
}
