package dev.jcompose.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.cli.JcomposeCli;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.api.VolumeService;
import dev.jcompose.runtime.volume.LocalVolumeService;
import dev.jcompose.scheduler.api.CallSettings;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ComposeServices;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VolumeCommandTest {
  @TempDir Path tmp;
  private VolumeService volumes;
  private Function<CallSettings, ComposeService> saved;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void setUp() {
    volumes = new LocalVolumeService(new RuntimePaths(tmp.resolve("data"), tmp.resolve("run")));
    saved = CommandContext.services;
    Map<String, String> env =
        Map.of(
            "JCOMPOSE_DATA_ROOT",
            tmp.resolve("data").toString(),
            "JCOMPOSE_RUN_ROOT",
            tmp.resolve("run").toString());
    CommandContext.services = s -> ComposeServices.forEnvironment(env, s);
    volumes.ensure(
        "shop_db", Map.of("com.docker.compose.project", "shop", "com.docker.compose.volume", "db"));
    volumes.ensure("shop_cache", Map.of("com.docker.compose.project", "shop"));
    volumes.ensure("other_db", Map.of("com.docker.compose.project", "other"));
  }

  @AfterEach
  void restore() {
    CommandContext.services = saved;
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new JcomposeCli());
    cli.addSubcommand(new VolumeCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void ls_listsOnlyTheProjectsVolumes_asATable() {
    assertThat(run("-p", "shop", "volume", "ls")).isZero();
    assertThat(out.toString())
        .isEqualTo("DRIVER    VOLUME NAME\nlocal     shop_cache\nlocal     shop_db\n");
  }

  @Test
  void ls_withoutProjectFlag_takesTheNameFromTheComposeFile() throws Exception {
    Path file =
        java.nio.file.Files.writeString(
            tmp.resolve("compose.yaml"), "name: shop\nservices:\n  web:\n    image: nginx\n");
    assertThat(run("-f", file.toString(), "volume", "ls", "-q")).isZero();
    assertThat(out.toString()).isEqualTo("shop_cache\nshop_db\n");
  }

  @Test
  void ls_quiet_printsNames() {
    assertThat(run("volume", "ls", "-q", "-p", "shop")).isZero();
    assertThat(out.toString()).isEqualTo("shop_cache\nshop_db\n");
  }

  @Test
  void ls_json_printsOneDockerStyleObjectPerLine() {
    assertThat(run("-p", "shop", "volume", "ls", "--format", "json")).isZero();
    String[] lines = out.toString().split("\n");
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
    assertThat(out.toString()).isEqualTo("shop_db\nshop_cache\n");
    assertThat(err.toString()).contains("no such volume: shop_nope");
    assertThat(volumes.list())
        .extracting(VolumeService.VolumeInfo::name)
        .containsExactly("other_db");
  }
}
