package dev.jcompose.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ExecSpec;
import dev.jcompose.runtime.shim.ShimLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecLauncherTest {

  /**
   * A health probe that read the container as running just before down removed it must fail, not
   * make the removed container's run folder again (it would outlive the container on the host).
   */
  @Test
  void execRacingTheRemoval_failsAndLeavesNoRunFolder(@TempDir Path tmp) {
    ContainerDirs dirs = new ContainerDirs(tmp.resolve("data/c1"), tmp.resolve("run/c1"));
    var rec =
        new ContainerRecord(
            Specs.spec("c1", Specs.IMAGE, "sleep", "600"),
            new ProcessIdentity(0, 0, List.of(0L), 0, false, List.of("PATH=/bin"), "/"),
            "2026-01-01T00:00:00Z",
            "2026-01-01T00:00:01Z",
            null,
            4242,
            0,
            0,
            0,
            null,
            "jcompose/c1");
    ExecLauncher launcher =
        new ExecLauncher(
            new ShimLauncher(
                () -> {
                  throw new AssertionError("no shim may start for a removed container");
                }),
            record -> {
              throw new AssertionError("no cgroup of a removed container may be looked up");
            });

    assertThatThrownBy(
            () ->
                launcher.exec(
                    rec,
                    dirs,
                    4242,
                    new ExecSpec(List.of("true"), List.of(), null, null, false, false)))
        .isInstanceOf(ContainerException.class)
        .hasMessageContaining("not running");
    assertThat(Files.exists(dirs.run())).isFalse();
  }
}
