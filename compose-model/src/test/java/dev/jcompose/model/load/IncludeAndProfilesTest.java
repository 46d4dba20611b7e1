package dev.jcompose.model.load;

import static dev.jcompose.model.load.LoaderFixture.at;
import static dev.jcompose.model.load.LoaderFixture.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.model.tree.MapNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludeAndProfilesTest {
  @TempDir Path tmp;

  @Test
  void include_stringForm_ownDotEnvAndPathsRebased() {
    LoaderFixture f =
        new LoaderFixture(tmp.resolve("app"))
            .write(
                "compose.yaml",
                """
        include:
          - ../commons/compose.yaml
        services:
          web: {image: web, depends_on: [db]}
        """);
    f.write(
        "../commons/compose.yaml",
        "services:\n  db: {image: 'pg:${PG}', volumes: ['./init:/init']}\nvolumes: {data: {}}\n");
    f.write("../commons/.env", "PG=16\n");
    MapNode tree = f.load().tree();
    assertThat(value(tree, "services", "db", "image")).isEqualTo("pg:16");
    assertThat(LoaderFixture.values(tree, "services", "db", "volumes"))
        .containsExactly(tmp.resolve("commons/init") + ":/init");
    assertThat(((MapNode) at(tree, "volumes")).entries()).containsKey("data");
    assertThat(tree.entries()).doesNotContainKey("include");
  }

  @Test
  void include_includingEnvironmentWinsOverIncludedDotEnv() {
    LoaderFixture f =
        new LoaderFixture(tmp.resolve("app"))
            .write("compose.yaml", "include: [../lib/c.yml]\n")
            .write(".env", "PG=15\n");
    f.write("../lib/c.yml", "services:\n  db: {image: 'pg:${PG}'}\n")
        .write("../lib/.env", "PG=16\n");
    assertThat(value(f.load().tree(), "services", "db", "image")).isEqualTo("pg:15");
  }

  @Test
  void include_longForm_multiplePathsAndEnvFile() {
    LoaderFixture f =
        new LoaderFixture(tmp.resolve("app"))
            .write(
                "compose.yaml",
                """
        include:
          - path: [infra/compose.yaml, infra/override.yaml]
            env_file: infra/dev.env
        """);
    f.write("infra/compose.yaml", "services: {cache: {image: 'redis:${V}'}}\n")
        .write("infra/override.yaml", "services: {cache: {command: [x]}}\n")
        .write("infra/dev.env", "V=7\n");
    MapNode tree = f.load().tree();
    assertThat(value(tree, "services", "cache", "image")).isEqualTo("redis:7");
    assertThat(((MapNode) at(tree, "services", "cache")).entries()).containsKey("command");
  }

  @Test
  void include_conflictingService_localMergedOverImported() {
    LoaderFixture f =
        new LoaderFixture(tmp)
            .write("compose.yaml", "include: [lib.yml]\nservices:\n  db: {environment: {A: 1}}\n");
    f.write("lib.yml", "services:\n  db: {image: pg}\n");
    MapNode tree = f.load().tree();
    assertThat(value(tree, "services", "db", "image")).isEqualTo("pg");
    assertThat(((MapNode) at(tree, "services", "db")).entries()).containsKey("environment");
  }

  @Test
  void include_cycle_errors() {
    LoaderFixture f =
        new LoaderFixture(tmp)
            .write("compose.yaml", "include: [b.yml]\nservices: {a: {image: a}}\n")
            .write("b.yml", "include: [compose.yaml]\nservices: {b: {image: b}}\n");
    assertThatThrownBy(f::load).hasMessageContaining("include cycle detected");
  }

  @Test
  void include_serviceFromIncludeCanBeExtended() {
    LoaderFixture f =
        new LoaderFixture(tmp)
            .write(
                "compose.yaml",
                "include: [lib.yml]\nservices:\n  web: {extends: base, command: [run]}\n");
    f.write("lib.yml", "services:\n  base: {image: shared}\n");
    assertThat(value(f.load().tree(), "services", "web", "image")).isEqualTo("shared");
  }

  private static final String PROFILED =
      """
      services:
        web: {image: a}
        debug: {image: b, profiles: [debug]}
        tools: {image: c, profiles: [tools, ops]}
      """;

  private static MapNode tree() {
    return dev.jcompose.model.load.YamlReader.read(PROFILED, "c.yaml").get(0);
  }

  private static Iterable<String> enabled(Profiles.Split s) {
    return ((MapNode) s.enabled().get("services")).entries().keySet();
  }

  @Test
  void profiles_none_onlyServicesWithoutProfiles() {
    Profiles.Split s = Profiles.split(tree(), List.of(), List.of());
    assertThat(enabled(s)).containsExactly("web");
    assertThat(s.disabled()).containsOnlyKeys("debug", "tools");
  }

  @Test
  void profiles_activeProfile_enablesItsServices() {
    assertThat(enabled(Profiles.split(tree(), List.of("ops"), List.of())))
        .containsExactly("web", "tools");
  }

  @Test
  void profiles_star_enablesAll() {
    assertThat(enabled(Profiles.split(tree(), List.of("*"), List.of())))
        .containsExactly("web", "debug", "tools");
  }

  @Test
  void profiles_explicitService_enabledWithItsProfiles() {
    Profiles.Split s = Profiles.split(tree(), List.of(), List.of("debug"));
    assertThat(enabled(s)).containsExactly("web", "debug");
    assertThat(s.profiles()).containsExactly("debug");
  }
}
