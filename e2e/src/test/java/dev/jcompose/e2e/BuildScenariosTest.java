package dev.jcompose.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.testkit.TestRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue "build": Dockerfiles built on jcompose's own runtime through the CLI, FROM the busybox test
 * image in the test registry; the layer cache, .dockerignore, up --build, push (verified by
 * skopeo), and contexts that try to reach outside.
 */
@Tag("root")
class BuildScenariosTest extends OneProjectPerTest {

  /** The step lines ("=> [stage 2/4] RUN ...") of a build's output that ran, not from the cache. */
  private static List<String> ran(Jcompose.Result r) {
    return r.stderr().lines().filter(l -> l.startsWith(" => [")).map(l -> l.substring(4)).toList();
  }

  private static List<String> cached(Jcompose.Result r) {
    return r.stderr()
        .lines()
        .filter(l -> l.startsWith(" => CACHED ["))
        .map(l -> l.substring(11))
        .toList();
  }

  private String imageId() {
    for (JsonNode i : json(jc.run("images", "--format", "json").assertOk().stdout())) {
      if (i.path("Repository").asText().endsWith("build-app-app")) {
        return i.path("ID").asText();
      }
    }
    throw new AssertionError("no build-app-app image in `images`");
  }

  private static JsonNode json(String text) {
    return Json.parse(text);
  }

  @Test
  void build_multiStageFromTheRegistry_thenRunsIt() {
    jc = Jcompose.fixture("build-app");
    Jcompose.Result build = jc.run(300, "build").assertOk();
    assertThat(ran(build))
        .containsExactly(
            "[build 2/4] WORKDIR /src",
            "[build 3/4] COPY src/greeting.txt /src/",
            "[build 4/4] RUN tr 'a-z' 'A-Z' < greeting.txt > /shout.txt && echo compiled",
            "[stage-1 2/5] COPY --from=build /shout.txt /app/shout.txt",
            "[stage-1 3/5] COPY . /ctx/",
            "[stage-1 4/5] COPY src/run.sh /app/run.sh",
            "[stage-1 5/5] RUN chmod 755 /app/run.sh");
    assertThat(build.stderr())
        .contains(" app | compiled")
        .contains("Service app  Built docker.io/library/build-app-app:latest");
    Jcompose.Result run =
        jc.run("run", "--rm", "-T", "app", "sh", "-c", "cat /app/shout.txt; echo $APP_VERSION")
            .assertOk();
    assertThat(run.stdout()).contains("HELLO FROM THE BUILD STAGE", "dev");
  }

  @Test
  void build_nothingChanged_runsNoStepAndKeepsTheImage() {
    jc = Jcompose.fixture("build-app");
    jc.run(300, "build").assertOk();
    String before = imageId();
    Jcompose.Result again = jc.run(120, "build").assertOk();
    assertThat(ran(again)).isEmpty();
    assertThat(cached(again))
        .hasSize(4); // the build stage is never looked at: COPY --from hits the cache
    assertThat(imageId()).isEqualTo(before);
  }

  @Test
  void build_oneFileChanged_rerunsOnlyTheStepsFromItsCopy() throws IOException {
    jc = Jcompose.fixture("build-app");
    jc.run(300, "build").assertOk();
    Files.writeString(jc.projectDir.resolve("src/run.sh"), "#!/bin/sh\necho run.sh v2\n");
    Jcompose.Result again = jc.run(120, "build").assertOk();
    // COPY . /ctx/ reads run.sh too, so it reruns; the build stage and COPY --from do not
    assertThat(ran(again))
        .containsExactly(
            "[stage-1 3/5] COPY . /ctx/",
            "[stage-1 4/5] COPY src/run.sh /app/run.sh",
            "[stage-1 5/5] RUN chmod 755 /app/run.sh");
    assertThat(cached(again))
        .containsExactly("[stage-1 2/5] COPY --from=build /shout.txt /app/shout.txt");
  }

  @Test
  void build_buildArg_reachesTheImage_andNoCacheRerunsEverything() {
    jc = Jcompose.fixture("build-app");
    jc.run(300, "build", "--build-arg", "VERSION=7.1").assertOk();
    assertThat(
            jc.run("run", "--rm", "-T", "app", "sh", "-c", "echo $APP_VERSION")
                .assertOk()
                .stdout()
                .strip())
        .isEqualTo("7.1");
    Jcompose.Result fresh =
        jc.run(300, "build", "--no-cache", "--build-arg", "VERSION=7.1").assertOk();
    assertThat(ran(fresh)).hasSize(7);
    assertThat(cached(fresh)).isEmpty();
  }

  @Test
  void build_dockerignoreKeepsFilesOut() {
    jc = Jcompose.fixture("build-app");
    jc.run(300, "build").assertOk();
    String files = jc.run("run", "--rm", "-T", "app", "find", "/ctx").assertOk().stdout();
    assertThat(files)
        .contains("/ctx/Dockerfile", "/ctx/src/run.sh", "/ctx/tmp/keep.txt")
        .doesNotContain("api.secret", "junk.txt");
  }

  @Test
  void upBuild_replacesTheRunningContainer() throws IOException {
    jc = Jcompose.fixture("build-app");
    jc.run(300, "up", "-d").assertOk();
    assertThat(jc.run("logs", "app").stdout()).contains("run.sh v1 (dev, e2e)");
    String firstId = psJson().path("ID").asText();
    Files.writeString(
        jc.projectDir.resolve("src/run.sh"), "#!/bin/sh\necho run.sh v2\nexec sleep 3600\n");
    Jcompose.Result plain = jc.run("up", "-d").assertOk();
    assertThat(ran(plain)).isEmpty(); // the image exists: up alone does not build
    assertThat(psJson().path("ID").asText()).isEqualTo(firstId);
    jc.run(300, "up", "-d", "--build").assertOk();
    assertThat(psJson().path("ID").asText()).isNotEqualTo(firstId);
    assertThat(jc.run("exec", "-T", "app", "cat", "/app/run.sh").assertOk().stdout())
        .contains("run.sh v2");
  }

  private JsonNode psJson() {
    JsonNode ps = json(jc.run("ps", "--format", "json").assertOk().stdout());
    return ps.isArray() ? ps.path(0) : ps;
  }

  @Test
  void push_thenSkopeoInspectsAndCopiesTheReference() throws Exception {
    String tag = "e2e" + System.nanoTime();
    jc =
        Jcompose.fixture("build-push")
            .withEnv("REGISTRY", TestRegistry.address())
            .withEnv("TAG", tag);
    jc.run(300, "build").assertOk();
    Jcompose.Result push = jc.run(120, "push").assertOk();
    assertThat(push.stderr()).contains("Pushed sha256:");
    String ref = TestRegistry.address() + "/jcompose-test/build-push:" + tag;
    JsonNode inspect = json(Skopeo.run("inspect", "--tls-verify=false", "docker://" + ref));
    assertThat(inspect.path("Layers").size()).isGreaterThanOrEqualTo(2);
    assertThat(
            json(Skopeo.run("inspect", "--tls-verify=false", "docker://" + ref + "-extra"))
                .path("Digest")
                .asText())
        .isEqualTo(inspect.path("Digest").asText());
    // one non-empty history entry per layer, or buildah cannot build FROM it (LayerHistory)
    JsonNode config =
        json(Skopeo.run("inspect", "--config", "--tls-verify=false", "docker://" + ref));
    assertThat(
            config.path("history").elements().stream()
                .filter(h -> !h.path("empty_layer").asBoolean())
                .count())
        .isEqualTo(config.path("rootfs").path("diff_ids").size());
    Path copy = jc.root.resolve("pulled");
    Skopeo.run("copy", "--src-tls-verify=false", "docker://" + ref, "dir:" + copy);
    assertThat(copy.resolve("manifest.json")).exists();
  }

  @Test
  void build_hostileContexts_areRefused() {
    jc = Jcompose.fixture("build-hostile");
    Jcompose.Result dotdot = jc.run(120, "build", "dotdot");
    assertThat(dotdot.exitCode()).isEqualTo(1);
    assertThat(dotdot.stderr())
        .contains("refusing source \"../outside.txt\": it is outside the build context");
    Jcompose.Result link = jc.run(120, "build", "symlink");
    assertThat(link.exitCode()).isEqualTo(1);
    assertThat(link.stderr()).contains("symlink escape points outside the build context");
    Jcompose.Result ignore = jc.run(120, "build", "ignored-exception");
    assertThat(ignore.exitCode()).isEqualTo(1);
    assertThat(ignore.stderr()).contains("outside the build context");
    assertThat(jc.run("images", "-q").stdout()).isBlank();
  }

  @Test
  void build_failingStep_namesTheDockerfileLine() {
    jc = Jcompose.fixture("build-hostile");
    Jcompose.Result r = jc.run(120, "build", "failing");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr())
        .contains(" failing | failing step output")
        .contains(
            "service \"failing\" failed to build: Dockerfile:3: RUN echo failing step output && exit 7: the command exited with code 7");
  }
}
