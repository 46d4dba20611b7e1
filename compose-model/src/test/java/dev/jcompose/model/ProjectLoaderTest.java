package dev.jcompose.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.api.LoadOptions;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceResources;
import dev.jcompose.model.api.SourceMap;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLoaderTest {
  @TempDir Path dir;

  private LoadOptions options(Map<String, String> env, String... profiles) {
    return new LoadOptions(
        List.of(),
        null,
        null,
        List.of(),
        List.of(profiles),
        env,
        dir,
        true,
        new ByteArrayInputStream(new byte[0]));
  }

  private Project load(String yaml, String... profiles) throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), yaml);
    return ProjectLoader.load(options(Map.of("TAG", "1.25"), profiles));
  }

  @Test
  void load_realFile_interpolatesAndTypesResources() throws Exception {
    Project p =
        load(
            """
        name: shop
        services:
          web:
            image: nginx:${TAG}
            mem_limit: 512m
            deploy: {resources: {limits: {cpus: '0.5', memory: 512m}}}
            stop_grace_period: 1m30s
            ulimits: {nofile: 1024}
            healthcheck: {test: curl -f localhost, interval: 10s}
        """);
    Service web = p.services().get("web");
    assertThat(p.name()).isEqualTo("shop");
    assertThat(web.image()).isEqualTo("nginx:1.25");
    assertThat(web.resources().memLimit()).isEqualTo(536870912L);
    assertThat(web.resources().nanoCpus()).isEqualTo(500_000_000L);
    assertThat(web.lifecycle().stopGracePeriod()).isEqualTo(Duration.ofSeconds(90));
    assertThat(web.resources().ulimits().get("nofile"))
        .isEqualTo(new ServiceResources.Ulimit(1024, 1024));
    assertThat(web.healthcheck().test()).containsExactly("CMD-SHELL", "curl -f localhost");
    assertThat(web.networking().networks()).containsOnlyKeys("default");
    assertThat(p.networks().get("default").name()).isEqualTo("shop_default");
    assertThat(web.lifecycle().scale()).isEqualTo(1);
  }

  @Test
  void loadDetailed_sources_nameWhereAttributesWereWritten() throws Exception {
    Files.writeString(
        dir.resolve("compose.yaml"),
        """
        services:
          web:
            image: x
            network_mode: host
            ports: ["80:80", "443:443"]
        """);
    SourceMap sources = ProjectLoader.loadDetailed(options(Map.of())).sources();
    String file = dir.resolve("compose.yaml").toString();
    assertThat(sources.where("services", "web", "network_mode")).contains(file + ":4:5");
    assertThat(sources.where("services", "web", "ports", "1")).contains(file + ":5:22");
    assertThat(sources.where("services", "web", "user")).isEmpty();
    assertThat(sources.nearest("services", "web", "user")).contains(file + ":2:3");
  }

  @Test
  void load_profiles_disabledServicesAbsent() throws Exception {
    String yaml = "services:\n  web: {image: x}\n  debug: {image: y, profiles: [dev]}\n";
    assertThat(load(yaml).services()).containsOnlyKeys("web");
    assertThat(load(yaml, "dev").services()).containsOnlyKeys("web", "debug");
  }

  @Test
  void load_invalidFile_oneLineErrorWithPosition() throws Exception {
    assertThatThrownBy(() -> load("services:\n  web:\n    image: x\n    ports: ['70000']\n"))
        .isInstanceOf(ComposeFileException.class)
        .hasMessageEndingWith(
            "compose.yaml:4:13: services.web.ports[0]: invalid containerPort: 70000")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
