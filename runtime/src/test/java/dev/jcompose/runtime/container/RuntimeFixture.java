package dev.jcompose.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ExitStatus;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.LogLine;
import dev.jcompose.runtime.api.LogReader;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.cgroup.CgroupDriver;
import dev.jcompose.runtime.cgroup.CgroupDrivers;
import dev.jcompose.runtime.logs.CriLogReader;
import dev.jcompose.testkit.HostChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Per-test temp roots, a runtime on the real kernel, and the leak check afterwards. */
abstract class RuntimeFixture {
  protected Path root;
  protected RuntimePaths paths;
  protected CgroupDriver cgroups;
  protected LinuxContainerRuntime runtime;
  protected ImageHandle image;

  @BeforeEach
  void setUpRuntime() throws IOException {
    root = Files.createTempDirectory("jcompose-test-shim-");
    paths = new RuntimePaths(root.resolve("data"), root.resolve("run"));
    cgroups = CgroupDrivers.detect();
    runtime = new LinuxContainerRuntime(paths, cgroups);
    image = BusyboxImage.create(root.resolve("image"));
  }

  @AfterEach
  void tearDownRuntime() throws Exception {
    try {
      for (String id : runtime.list()) {
        runtime.delete(id);
      }
      assertThat(leaks()).as("leftovers of this test").isEmpty();
    } finally {
      ContainerTrees.deleteRecursively(root);
    }
  }

  /** Leftovers of this test: anything under its own root, and its containers' cgroups (sh-*). */
  private List<String> leaks() {
    return HostChecks.leaksMentioning(root.toString(), "/jcompose/sh-");
  }

  protected ExitStatus runToExit(ContainerSpec spec) throws Exception {
    runtime.create(spec);
    runtime.start(spec.id());
    return runtime.awaitExit(spec.id()).get(20, TimeUnit.SECONDS);
  }

  protected List<LogLine> logs(String id) {
    List<LogLine> lines = new ArrayList<>();
    new CriLogReader()
        .read(
            runtime.state(id).orElseThrow().logPath(),
            LogReader.Options.all(),
            lines::add,
            () -> true);
    return lines;
  }

  protected List<String> stdout(String id) {
    return logs(id).stream()
        .filter(l -> l.stream() == LogLine.Stream.STDOUT)
        .map(LogLine::text)
        .toList();
  }

  protected ContainerSpec spec(String name, String... args) {
    return Specs.spec("sh-" + name, image, args);
  }
}
