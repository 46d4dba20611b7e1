package dev.jcompose.model.load;

import static dev.jcompose.model.load.LoaderFixture.value;
import static dev.jcompose.model.load.LoaderFixture.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.model.api.ComposeFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryTest {
  @TempDir Path tmp;

  @Test
  void discovery_composeYamlAndOverride_bothLoaded() {
    LoaderFixture f =
        new LoaderFixture(tmp.resolve("app"))
            .write("compose.yaml", "services: {web: {image: a, ports: ['80:80']}}\n")
            .write("compose.override.yaml", "services: {web: {image: b}}\n")
            .write("docker-compose.yml", "services: {other: {image: x}}\n");
    LoadedTree t = f.load();
    assertThat(t.files())
        .containsExactly(f.root.resolve("compose.yaml"), f.root.resolve("compose.override.yaml"));
    assertThat(value(t.tree(), "services", "web", "image")).isEqualTo("b");
    assertThat(t.warnings()).anyMatch(w -> w.startsWith("Found multiple config files"));
    assertThat(t.projectDir()).isEqualTo(f.root);
  }

  @Test
  void discovery_fromSubdirectory_findsParentFile() {
    LoaderFixture f =
        new LoaderFixture(tmp.resolve("proj"))
            .write("docker-compose.yaml", "services: {web: {image: a}}\n")
            .write("sub/deeper/.keep", "");
    f.cwd = f.root.resolve("sub/deeper");
    LoadedTree t = f.load();
    assertThat(t.projectDir()).isEqualTo(f.root);
    assertThat(t.projectName()).isEqualTo("proj");
  }

  @Test
  void discovery_nothingFound_errors() {
    LoaderFixture f = new LoaderFixture(tmp).write("empty/.keep", "");
    f.cwd = tmp.resolve("empty");
    assertThatThrownBy(f::load)
        .isInstanceOf(ComposeFileException.class)
        .hasMessage("no configuration file provided: not found");
  }

  @Test
  void explicitFiles_mergedInOrder_projectDirIsFirstFilesDir() {
    LoaderFixture f =
        new LoaderFixture(tmp)
            .write("a/base.yml", "services: {web: {image: a, environment: [X=1]}}\n")
            .write("b/over.yml", "services: {web: {environment: {Y: 2}}}\n");
    f.files = List.of("a/base.yml", "b/over.yml");
    LoadedTree t = f.load();
    assertThat(t.projectDir()).isEqualTo(tmp.resolve("a"));
    assertThat(values(t.tree(), "services", "web", "environment")).containsExactly("X=1", "Y=2");
  }

  @Test
  void composeFileVariable_withCustomSeparator() {
    LoaderFixture f =
        new LoaderFixture(tmp)
            .write("one.yml", "services: {web: {image: a}}\n")
            .write("two.yml", "services: {web: {image: b}}\n");
    f.env.put("COMPOSE_FILE", "one.yml;two.yml");
    f.env.put("COMPOSE_PATH_SEPARATOR", ";");
    assertThat(value(f.load().tree(), "services", "web", "image")).isEqualTo("b");
  }

  @Test
  void composeFile_fromDotEnvInWorkingDir() {
    LoaderFixture f =
        new LoaderFixture(tmp)
            .write(".env", "COMPOSE_FILE=stack.yml\n")
            .write("stack.yml", "services: {web: {image: a}}\n");
    assertThat(f.load().files()).containsExactly(tmp.resolve("stack.yml"));
  }

  @Test
  void stdin_dashFile() {
    LoaderFixture f = new LoaderFixture(tmp.resolve("here")).write(".keep", "");
    f.files = List.of("-");
    f.stdin = "services: {web: {image: from-stdin}}\n";
    LoadedTree t = f.load();
    assertThat(value(t.tree(), "services", "web", "image")).isEqualTo("from-stdin");
    assertThat(t.projectName()).isEqualTo("here");
  }

  @Test
  void version_isDroppedWithWarning() {
    LoaderFixture f =
        new LoaderFixture(tmp)
            .write("compose.yaml", "version: '3.8'\nservices: {web: {image: a}}\n");
    LoadedTree t = f.load();
    assertThat(t.tree().entries()).doesNotContainKey("version");
    assertThat(t.warnings()).anyMatch(w -> w.contains("`version` is obsolete"));
  }

  @Test
  void multipleDocuments_mergedInOrder() {
    LoaderFixture f =
        new LoaderFixture(tmp)
            .write(
                "compose.yaml", "services: {web: {image: a}}\n---\nservices: {web: {image: b}}\n");
    assertThat(value(f.load().tree(), "services", "web", "image")).isEqualTo("b");
  }

  @Test
  void emptyFile_errors() {
    LoaderFixture f = new LoaderFixture(tmp).write("compose.yaml", "");
    assertThatThrownBy(f::load).hasMessage("empty compose file");
  }

  @Test
  void profiles_fromEnvironmentVariable() {
    LoaderFixture f = new LoaderFixture(tmp).write("compose.yaml", "services: {web: {image: a}}\n");
    f.env.put("COMPOSE_PROFILES", "dev, debug");
    assertThat(f.load().activeProfiles()).containsExactly("dev", "debug");
    f.profiles = List.of("cli");
    assertThat(f.load().activeProfiles()).containsExactly("cli");
  }
}
