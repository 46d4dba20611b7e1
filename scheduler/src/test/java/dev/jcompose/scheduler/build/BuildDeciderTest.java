package dev.jcompose.scheduler.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.builder.api.BuildRequest;
import dev.jcompose.model.api.BuildConfig;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Secret;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceNetworking;
import dev.jcompose.model.api.ServiceStorage;
import dev.jcompose.scheduler.api.BuildOptions;
import dev.jcompose.scheduler.api.ComposeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildDeciderTest {
  @TempDir Path tmp;

  private static Project project(Service... services) {
    Map<String, Service> m = new LinkedHashMap<>();
    for (Service s : services) {
      m.put(s.name(), s);
    }
    return new Project(
        "p",
        Path.of("/w"),
        List.of(),
        m,
        Map.of(),
        Map.of(),
        Map.of("tok", new Secret("tok", "p_tok", null, "TOKEN_ENV", false, Map.of())),
        Map.of());
  }

  private static Service built(String name, String image, String pullPolicy) {
    return Service.builder(name)
        .image(image)
        .pullPolicy(pullPolicy)
        .build(BuildConfig.of("/w/" + name))
        .build();
  }

  private static String decide(Project p, Map<String, String> local, String policy) {
    return BuildDecider.decide(p, p.services().keySet(), local, policy).toString();
  }

  @Test
  void decide_followsDockerCompose() {
    Project p =
        project(
            built("app", null, null),
            built("named", "reg/named:1", null),
            built("forced", null, "build"),
            Service.builder("db").image("postgres:15").build());
    assertThat(decide(p, Map.of(), "missing"))
        .isEqualTo(
            "[app BUILD p-app (missing), named PULL_OR_BUILD reg/named:1 (missing), forced BUILD p-forced (pull_policy build)]");
    assertThat(
            decide(
                p,
                Map.of("p-app", "sha256:a", "reg/named:1", "sha256:n", "p-forced", "sha256:f"),
                "missing"))
        .isEqualTo(
            "[app USE p-app (present), named USE reg/named:1 (present), forced BUILD p-forced (pull_policy build)]");
    assertThat(decide(p, Map.of("p-app", "sha256:a"), "always"))
        .isEqualTo(
            "[app BUILD p-app (--build), named BUILD reg/named:1 (--build), forced BUILD p-forced (--build)]");
    assertThat(decide(p, Map.of("p-app", "sha256:a"), "never"))
        .isEqualTo(
            "[app USE p-app, named MISSING reg/named:1 (--no-build), forced MISSING p-forced (--no-build)]");
  }

  @Test
  void decide_onlyInScope() {
    Project p = project(built("a", null, null), built("b", null, null));
    assertThat(BuildDecider.decide(p, Set.of("b"), Map.of(), "missing"))
        .extracting(BuildDecision::service)
        .containsExactly("b");
  }

  @Test
  void request_mapsTheBuildSection() throws Exception {
    Path secret = Files.writeString(tmp.resolve("s"), "file-secret");
    BuildConfig b =
        new BuildConfig(
            "/w/app",
            "docker/Dockerfile.dev",
            null,
            Map.of("A", "1", "B", "2"),
            "dev",
            Map.of("l", "v"),
            List.of("cached:img", "type=registry,ref=reg/cache:1", "type=local,src=/x"),
            List.of(),
            true,
            false,
            "none",
            Map.of("libs", "../libs", "base", "docker-image://busybox"),
            List.of("reg/app:extra"),
            List.of("linux/amd64"),
            List.of(new ServiceNetworking.ExtraHost("h", "10.0.0.1")),
            1024L,
            List.of(
                new ServiceStorage.FileRef("tok", "token", null, null, null),
                new ServiceStorage.FileRef("f", null, null, null, null)),
            List.of());
    Service s = Service.builder("app").build(b).build();
    Project p =
        new Project(
            "p",
            Path.of("/w"),
            List.of(),
            Map.of("app", s),
            Map.of(),
            Map.of(),
            Map.of(
                "tok",
                new Secret("tok", "p_tok", null, "TOKEN_ENV", false, Map.of()),
                "f",
                new Secret("f", "p_f", secret.toString(), null, false, Map.of())),
            Map.of());
    BuildRequest r =
        BuildRequests.of(
            p,
            s,
            new BuildOptions(List.of(), false, true, Map.of("B", "cli")),
            "linux/amd64",
            Map.of("TOKEN_ENV", "env-secret"));
    assertThat(r.context()).isEqualTo(Path.of("/w/app"));
    assertThat(r.dockerfile()).isEqualTo(Path.of("docker/Dockerfile.dev"));
    assertThat(r.buildArgs()).containsExactlyInAnyOrderEntriesOf(Map.of("A", "1", "B", "cli"));
    assertThat(r.tags()).containsExactly("p-app", "reg/app:extra");
    assertThat(r.network()).isEqualTo("none");
    assertThat(r.extraHosts()).containsExactly("h:10.0.0.1");
    assertThat(new String(r.secrets().get("token"))).isEqualTo("env-secret");
    assertThat(new String(r.secrets().get("f"))).isEqualTo("file-secret");
    assertThat(r.additionalContexts())
        .containsEntry("libs", "/w/libs")
        .containsEntry("base", "docker-image://busybox");
    assertThat(r.cacheFrom()).containsExactly("cached:img", "reg/cache:1");
    assertThat(r.noCache()).isTrue();
    assertThat(r.pull()).isTrue();
  }

  @Test
  void request_refusesWhatCannotBeBuiltHere() {
    assertThatThrownBy(
            () ->
                request(
                    new BuildConfig(
                        "/w/app",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        false,
                        null,
                        null,
                        null,
                        List.of("linux/arm64"),
                        null,
                        null,
                        null,
                        null)))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining("build.platforms: linux/arm64 cannot be built here");
    assertThatThrownBy(
            () ->
                request(
                    new BuildConfig(
                        "https://github.com/x/y.git",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)))
        .hasMessageContaining("remote contexts");
    assertThatThrownBy(
            () ->
                request(
                    new BuildConfig(
                        "/w/app", null, null, null, null, null, null, null, false, false, "mynet",
                        null, null, null, null, null, null, null)))
        .hasMessageContaining("build.network: \"mynet\" is not supported");
    assertThatThrownBy(
            () ->
                request(
                    new BuildConfig(
                        "/w/app",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of("default"))))
        .hasMessageContaining("build.ssh: [default] is not supported");
  }

  private static void request(BuildConfig b) {
    Service s = Service.builder("app").build(b).build();
    BuildRequests.of(project(s), s, BuildOptions.defaults(), "linux/amd64", Map.of());
  }
}
