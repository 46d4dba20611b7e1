package dev.jcompose.builder.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.builder.api.BuildEvent;
import dev.jcompose.builder.api.BuildException;
import dev.jcompose.builder.api.BuildNetwork;
import dev.jcompose.builder.api.BuildRequest;
import dev.jcompose.builder.api.BuildResult;
import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.LogReader;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.cgroup.CgroupDrivers;
import dev.jcompose.runtime.container.LinuxContainerRuntime;
import dev.jcompose.runtime.fs.Trees;
import dev.jcompose.runtime.image.RegistryConfig;
import dev.jcompose.runtime.image.RegistryImageService;
import dev.jcompose.runtime.logs.CriLogReader;
import dev.jcompose.testkit.HostChecks;
import dev.jcompose.testkit.TestRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The builder on the real kernel: RUN in runtime containers, layers from overlay upper dirs, images
 * in a real store, base images from the test registry ({@link TestRegistry}, a Docker Hub mirror
 * here) holding the offline-built busybox test image.
 */
@Tag("root")
@Tag("registry")
class BuilderRootTest {
  private static final Path SCRIPTS = Path.of("..", "scripts").toAbsolutePath().normalize();
  private Path root;
  private Path ctx;
  private RuntimePaths paths;
  private LinuxContainerRuntime runtime;
  private RegistryImageService images;
  private RuntimeImageBuilder builder;
  private final List<BuildEvent> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void registry() throws Exception {
    assertThat(run("registry.sh", "start")).isZero();
    assertThat(run("build-test-images.sh")).isZero();
  }

  private static int run(String script, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(SCRIPTS.resolve(script).toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(script + " did not finish in 300 s");
    }
    return p.exitValue();
  }

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createTempDirectory("jcompose-test-build-");
    ctx = Files.createDirectories(root.resolve("ctx"));
    paths = new RuntimePaths(root.resolve("data"), root.resolve("run"));
    runtime = new LinuxContainerRuntime(paths, CgroupDrivers.detect());
    images =
        new RegistryImageService(
            paths,
            RegistryConfig.load(
                Map.of(
                    "JCOMPOSE_REGISTRY_MIRRORS",
                    TestRegistry.url(),
                    "JCOMPOSE_CONFIG",
                    root.resolve("none.json").toString(),
                    "HOME",
                    root.toString())));
    builder = new RuntimeImageBuilder(paths, runtime, images, images, BuildNetwork.NONE);
  }

  @AfterEach
  void tearDown() throws Exception {
    try {
      for (String id : runtime.list()) {
        runtime.delete(id);
      }
      assertThat(runtime.list()).isEmpty();
      assertThat(leaks()).as("leftovers").isEmpty();
    } finally {
      Trees.deleteRecursively(root);
    }
  }

  private List<String> leaks() {
    return HostChecks.leaksMentioning(root.toString());
  }

  private void write(String rel, String content) throws IOException {
    Path p = ctx.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private BuildResult build(String tag) {
    events.clear();
    return builder.build(BuildRequest.of(ctx, tag), events::add);
  }

  private List<String> labels(BuildEvent.Kind kind) {
    return events.stream().filter(e -> e.kind() == kind).map(BuildEvent::step).toList();
  }

  /** Runs the image's default command (or {@code cmd}) and returns what it printed. */
  private List<String> runImage(String ref, List<String> cmd) throws Exception {
    ImageHandle image = images.find(ref).orElseThrow();
    List<String> args = cmd != null ? cmd : image.config().cmd();
    String id = "t-" + System.nanoTime();
    ContainerSpec.ProcessSpec p =
        new ContainerSpec.ProcessSpec(
            args,
            image.config().env(),
            image.config().workingDir(),
            image.config().user(),
            List.of(),
            false,
            false,
            null,
            false,
            List.of());
    runtime.create(
        new ContainerSpec(
            id,
            image,
            p,
            "h",
            null,
            new ContainerSpec.NetworkMode(ContainerSpec.NetworkMode.Kind.NONE, null),
            List.of(),
            Map.of(),
            ContainerSpec.Resources.none(),
            false,
            false,
            Map.of(),
            List.of(),
            null,
            Map.of(),
            ContainerSpec.Isolation.defaults(),
            null,
            ContainerSpec.Security.defaults()));
    runtime.start(id);
    runtime.awaitExit(id).get(20, TimeUnit.SECONDS);
    List<String> lines = new ArrayList<>();
    new CriLogReader()
        .read(
            runtime.state(id).orElseThrow().logPath(),
            LogReader.Options.all(),
            l -> lines.add(l.text()),
            () -> true);
    runtime.delete(id);
    return lines;
  }

  private static final String MULTI =
      String.join(
          "\n",
          "FROM busybox AS build",
          "WORKDIR /src",
          "COPY greet.sh lib/ ./",
          "RUN sh greet.sh > /greeting.txt && echo built",
          "FROM busybox AS unused",
          "RUN exit 1",
          "FROM busybox",
          "ENV WHO=world",
          "COPY --from=build /greeting.txt /srv/",
          "COPY app.sh /app/",
          "RUN chmod +x /app/app.sh && rm /bin/true && mkdir -p /var/empty",
          "CMD [\"/app/app.sh\"]",
          "");

  private void app() throws IOException {
    write("Dockerfile", MULTI);
    write("greet.sh", "echo hello from the build stage\n");
    write("lib/util.sh", "# nothing yet\n");
    write(
        "app.sh",
        "#!/bin/sh\ncat /srv/greeting.txt\necho \"hello $WHO\"\n[ -e /bin/true ] || echo true-is-gone\n");
  }

  @Test
  void build_multiStage_runsAndStoresARunnableImage() throws Exception {
    app();
    BuildResult r = build("test/app:1");
    assertThat(r.reference()).isEqualTo("docker.io/test/app:1");
    assertThat(labels(BuildEvent.Kind.STEP))
        .containsExactly(
            "[build 2/4] WORKDIR /src",
            "[build 3/4] COPY greet.sh lib/ /src/",
            "[build 4/4] RUN sh greet.sh > /greeting.txt && echo built",
            "[stage-2 2/4] COPY --from=build /greeting.txt /srv/",
            "[stage-2 3/4] COPY app.sh /app/",
            "[stage-2 4/4] RUN chmod +x /app/app.sh && rm /bin/true && mkdir -p /var/empty");
    assertThat(events).extracting(BuildEvent::text).contains("built");
    assertThat(runImage("test/app:1", null))
        .containsExactly("hello from the build stage", "hello world", "true-is-gone");
    ImageHandle image = images.find("test/app:1").orElseThrow();
    ImageHandle base = images.find("busybox").orElseThrow();
    assertThat(image.layerDirs())
        .hasSize(base.layerDirs().size() + 3)
        .startsWith(base.layerDirs().toArray(Path[]::new));
  }

  @Test
  void build_nothingChanged_doesNoWorkAndKeepsTheImageId() throws Exception {
    app();
    BuildResult first = build("test/app:1");
    BuildResult second = build("test/app:1");
    assertThat(labels(BuildEvent.Kind.STEP)).isEmpty();
    assertThat(second.stepsRun()).isZero();
    assertThat(second.imageId()).isEqualTo(first.imageId());
    assertThat(runtime.list()).isEmpty();
  }

  @Test
  void build_oneFileChanged_rerunsOnlyFromItsCopyOn() throws Exception {
    app();
    build("test/app:1");
    write("app.sh", "#!/bin/sh\necho changed\n");
    BuildResult r = build("test/app:1");
    assertThat(labels(BuildEvent.Kind.STEP))
        .containsExactly(
            "[stage-2 3/4] COPY app.sh /app/",
            "[stage-2 4/4] RUN chmod +x /app/app.sh && rm /bin/true && mkdir -p /var/empty");
    assertThat(r.stepsCached()).isEqualTo(1); // COPY --from: the build stage was not even looked at
    assertThat(runImage("test/app:1", null)).containsExactly("changed");
  }

  @Test
  void build_dockerignore_keepsFilesOut() throws Exception {
    write("Dockerfile", "FROM busybox\nCOPY . /ctx/\nCMD [\"find\", \"/ctx\"]\n");
    write(".dockerignore", "*.secret\nnode_modules\n!node_modules/keep.js\n");
    write("a.txt", "a");
    write("b.secret", "b");
    write("node_modules/x.js", "x");
    write("node_modules/keep.js", "k");
    build("test/ctx:1");
    assertThat(runImage("test/ctx:1", null))
        .containsExactlyInAnyOrder(
            "/ctx",
            "/ctx/a.txt",
            "/ctx/Dockerfile",
            "/ctx/.dockerignore",
            "/ctx/node_modules",
            "/ctx/node_modules/keep.js");
  }

  @Test
  void build_whiteoutsAndOpaqueDirsSurviveAsLayers() throws Exception {
    write(
        "Dockerfile",
        "FROM busybox\nRUN mkdir -p /d /o && echo 1 > /d/a && echo 2 > /d/b && touch /o/1 /o/2\n"
            + "RUN rm /d/a && rm -rf /o && mkdir /o && echo x > /o/only\nCMD [\"sh\", \"-c\", \"ls /d; ls /o\"]\n");
    build("test/wh:1");
    assertThat(runImage("test/wh:1", null)).containsExactly("b", "only");
  }

  @Test
  void build_failingRun_namesTheDockerfileLineAndLeavesNothingBehind() throws Exception {
    write("Dockerfile", "FROM busybox\nRUN echo about to fail\nRUN echo oops >&2 && exit 3\n");
    assertThatThrownBy(() -> build("test/fail:1"))
        .isInstanceOf(BuildException.class)
        .hasMessage("Dockerfile:3: RUN echo oops >&2 && exit 3: the command exited with code 3");
    assertThat(events).extracting(BuildEvent::text).contains("oops");
    assertThat(runtime.list()).isEmpty();
  }

  @Test
  void build_runMounts_cacheSecretBindTmpfs() throws Exception {
    write(
        "Dockerfile",
        String.join(
            "\n",
            "FROM busybox",
            "RUN --mount=type=cache,target=/cache sh -c 'echo run >> /cache/log; wc -l < /cache/log > /count'",
            "RUN --mount=type=secret,id=token cat /run/secrets/token > /seen && stat -c %a /run/secrets/token >> /seen",
            "RUN --mount=type=bind,source=data,target=/data cat /data/x > /bound",
            "RUN --mount=type=tmpfs,target=/scratch touch /scratch/t && [ ! -e /scratch/t ] || echo tmpfs-visible > /tmpfs",
            "CMD [\"sh\", \"-c\", \"cat /count /seen /bound /tmpfs; ls -d /cache /data /scratch 2>/dev/null | wc -l\"]",
            ""));
    write("data/x", "from-context\n");
    BuildRequest req =
        new BuildRequest(
            ctx,
            null,
            null,
            Map.of(),
            null,
            List.of("test/mounts:1"),
            Map.of(),
            "default",
            List.of(),
            null,
            Map.of("token", "s3cret".getBytes()),
            Map.of(),
            List.of(),
            false,
            false);
    builder.build(req, events::add);
    assertThat(runImage("test/mounts:1", null))
        .containsExactly("1", "s3cret400", "from-context", "tmpfs-visible", "0");
  }
}
