package dev.jcompose.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ContainerSpec.MountSpec;
import dev.jcompose.runtime.api.ContainerSpec.NetworkMode;
import dev.jcompose.runtime.api.ContainerState.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("root")
class ContainerFailureRootTest extends RuntimeFixture {

  @Test
  void create_missingBindSource_failsAndLeavesNothing() {
    var mounts =
        List.of(
            new MountSpec(
                MountSpec.Type.BIND, root.resolve("missing"), "/data", false, false, List.of()));

    assertThatThrownBy(
            () ->
                runtime.create(
                    Specs.with("sh-nosrc", image, Specs.process(null, List.of(), "true"), mounts)))
        .isInstanceOf(ContainerException.class)
        .hasMessageContaining("does not exist");
    assertThat(runtime.list()).isEmpty();
    assertThat(paths.containerRun("sh-nosrc")).doesNotExist();
  }

  @Test
  void create_overRemainsOfAnInterruptedCreate_clearsThemAndRuns() throws Exception {
    // what an engine killed between preparing the dirs and writing the record leaves behind
    Files.createDirectories(paths.containers().resolve("sh-remains").resolve("upper/junk"));
    Files.createDirectories(paths.containerRun("sh-remains"));

    assertThat(runToExit(spec("remains", "true")).exitCode()).isZero();
    assertThat(paths.containers().resolve("sh-remains/upper/junk")).doesNotExist();
  }

  @Test
  void create_existingContainer_isAConflict() {
    runtime.create(spec("twice", "true"));

    assertThatThrownBy(() -> runtime.create(spec("twice", "true")))
        .hasMessageContaining("already exists");
  }

  @Test
  void create_joinMissingNetns_reportsShimErrorAndLeavesNothing() {
    ContainerSpec spec =
        withNet(
            spec("nons", "true"), new NetworkMode(NetworkMode.Kind.JOIN, root.resolve("no-netns")));

    assertThatThrownBy(() -> runtime.create(spec))
        .hasMessageContaining("open netns")
        .hasMessageContaining("errno 2");
    assertThat(runtime.list()).isEmpty();
    assertThat(paths.containers().resolve("sh-nons")).doesNotExist();
  }

  @Test
  void start_setupFailure_reportsCauseAndContainerIsExited() {
    ContainerSpec bad = spec("sysctl", "true");
    bad =
        new ContainerSpec(
            bad.id(),
            bad.image(),
            bad.process(),
            bad.hostname(),
            null,
            bad.network(),
            bad.mounts(),
            bad.etcFiles(),
            bad.resources(),
            false,
            false,
            Map.of("kernel.no_such_key", "1"),
            List.of(),
            null,
            Map.of(),
            ContainerSpec.Isolation.defaults(),
            null,
            null);
    runtime.create(bad);

    assertThatThrownBy(() -> runtime.start("sh-sysctl"))
        .hasMessageContaining("sysctl kernel/no_such_key");
    assertThat(runtime.state("sh-sysctl").orElseThrow().status()).isEqualTo(Status.EXITED);
  }

  @Test
  void network_hostAndJoin_shareTheExpectedNamespaces() throws Exception {
    String hostNet = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
    runToExit(
        withNet(
            spec("host", "readlink", "/proc/self/ns/net"),
            new NetworkMode(NetworkMode.Kind.HOST, null)));
    runtime.create(spec("owner", "sleep", "1000"));
    Path ownerNetns = runtime.start("sh-owner").netnsPath();
    runToExit(
        withNet(
            spec("joiner", "readlink", "/proc/self/ns/net"),
            new NetworkMode(NetworkMode.Kind.JOIN, ownerNetns)));

    assertThat(stdout("sh-host")).containsExactly(hostNet);
    String ownerNs =
        Files.readSymbolicLink(
                Path.of("/proc/" + runtime.state("sh-owner").orElseThrow().pid() + "/ns/net"))
            .toString();
    assertThat(stdout("sh-joiner")).containsExactly(ownerNs);
  }

  private static ContainerSpec withNet(ContainerSpec s, NetworkMode net) {
    return new ContainerSpec(
        s.id(),
        s.image(),
        s.process(),
        s.hostname(),
        null,
        net,
        s.mounts(),
        s.etcFiles(),
        s.resources(),
        false,
        false,
        Map.of(),
        List.of(),
        null,
        Map.of(),
        ContainerSpec.Isolation.defaults(),
        null,
        null);
  }
}
