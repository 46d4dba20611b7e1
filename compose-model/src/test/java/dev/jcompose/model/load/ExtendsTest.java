package dev.jcompose.model.load;

import static dev.jcompose.model.load.LoaderFixture.at;
import static dev.jcompose.model.load.LoaderFixture.value;
import static dev.jcompose.model.load.LoaderFixture.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.model.tree.MapNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtendsTest {
  @TempDir Path tmp;

  @Test
  void extends_sameFile_chainResolved() {
    LoaderFixture f =
        new LoaderFixture(tmp)
            .write(
                "compose.yaml",
                """
        services:
          base: {image: busybox, user: root, environment: {TZ: utc, PORT: 80}}
          common: {extends: base}
          cli:
            extends: {service: common}
            environment: {PORT: 8080}
        """);
    MapNode tree = f.load().tree();
    MapNode cli = (MapNode) at(tree, "services", "cli");
    assertThat(cli.entries()).doesNotContainKey("extends");
    assertThat(value(tree, "services", "cli", "image")).isEqualTo("busybox");
    assertThat(value(tree, "services", "cli", "user")).isEqualTo("root");
    assertThat(values(tree, "services", "cli", "environment"))
        .containsExactly("PORT=8080", "TZ=utc");
    assertThat(value(tree, "services", "common", "image")).isEqualTo("busybox");
  }

  @Test
  void extends_otherFile_relativePathsRebasedOnItsDirectory() {
    LoaderFixture f =
        new LoaderFixture(tmp.resolve("app"))
            .write(
                "compose.yaml",
                """
        services:
          worker:
            extends: {service: webapp, file: ../shared/common.yml}
            volumes: ['./local:/local']
        """);
    f.write(
        "../shared/common.yml",
        """
        services:
          webapp:
            build: ./src
            env_file: [common.env]
            volumes: ['./data:/data', 'named:/named']
        """);
    MapNode tree = f.load().tree();
    Path shared = tmp.resolve("shared");
    assertThat(value(tree, "services", "worker", "build"))
        .isEqualTo(shared.resolve("src").toString());
    assertThat(values(tree, "services", "worker", "env_file"))
        .containsExactly(shared.resolve("common.env").toString());
    assertThat(values(tree, "services", "worker", "volumes"))
        .containsExactly(shared.resolve("data") + ":/data", "named:/named", "./local:/local");
  }

  @Test
  void extends_otherFileChainingWithinThatFile() {
    LoaderFixture f =
        new LoaderFixture(tmp)
            .write(
                "compose.yaml",
                "services:\n  web:\n    extends: {file: lib/base.yml, service: child}\n");
    f.write(
        "lib/base.yml",
        "services:\n  parent: {image: p, user: u}\n  child: {extends: parent, image: c}\n");
    MapNode tree = f.load().tree();
    assertThat(value(tree, "services", "web", "image")).isEqualTo("c");
    assertThat(value(tree, "services", "web", "user")).isEqualTo("u");
  }

  @Test
  void extends_resetInLocalService_removesBaseAttribute() {
    LoaderFixture f =
        new LoaderFixture(tmp)
            .write(
                "compose.yaml",
                """
        services:
          base: {image: a, ports: ['80:80']}
          web:
            extends: base
            ports: !reset []
        """);
    assertThat(((MapNode) at(f.load().tree(), "services", "web")).entries())
        .containsOnlyKeys("image");
  }

  @Test
  void extends_cycle_errors() {
    LoaderFixture f =
        new LoaderFixture(tmp)
            .write("compose.yaml", "services:\n  a: {extends: b}\n  b: {extends: a}\n");
    assertThatThrownBy(f::load)
        .hasMessageContaining("Circular reference:")
        .hasMessageContaining("extends b in")
        .hasMessageContaining("extends a in");
  }

  @Test
  void extends_missingService_errors() {
    LoaderFixture f =
        new LoaderFixture(tmp).write("compose.yaml", "services:\n  a: {extends: nope}\n");
    assertThatThrownBy(f::load)
        .hasMessageContaining("cannot extend service \"a\"")
        .hasMessageContaining("service \"nope\" not found");
  }
}
