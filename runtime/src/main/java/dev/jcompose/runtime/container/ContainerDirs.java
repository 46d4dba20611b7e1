package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ContainerSpec.LogConfig;
import dev.jcompose.runtime.api.RuntimePaths;
import java.nio.file.Path;

/**
 * Where one container's files live. Data dir ({@code <dataRoot>/containers/<id>}): overlay
 * upper/work/merged, the {@code l/} dir of short layer links, etc files, state, log. Run dir
 * ({@code <runRoot>/containers/<id>}): the shim's config, control socket, exit file, netns bind,
 * exec status files.
 */
record ContainerDirs(Path data, Path run) {
  static ContainerDirs of(RuntimePaths paths, String id) {
    return new ContainerDirs(paths.containers().resolve(id), paths.containerRun(id));
  }

  Path upper() {
    return data.resolve("upper");
  }

  Path work() {
    return data.resolve("work");
  }

  Path merged() {
    return data.resolve("merged");
  }

  /**
   * Symlinks 0..n-1 to the layer dirs, top layer first; overlay gets lowerdir=0:1:... from here.
   */
  Path layerLinks() {
    return data.resolve("l");
  }

  Path etc() {
    return data.resolve("etc");
  }

  Path state() {
    return data.resolve("state.json");
  }

  Path log() {
    return data.resolve("container.log");
  }

  /**
   * Where the monitor writes the container's output: its log, or with the {@code none} driver a
   * small file in the run dir that only attached clients read ({@code logs} refuses the driver).
   */
  Path log(ContainerSpec spec) {
    return spec.logging() != null && spec.logging().driver() == LogConfig.Driver.NONE
        ? run.resolve("attach.log")
        : log();
  }

  Path config() {
    return run.resolve("config");
  }

  Path socket() {
    return run.resolve("shim.sock");
  }

  Path exitFile() {
    return run.resolve("exit");
  }

  Path netns() {
    return run.resolve("netns");
  }

  Path execDir() {
    return run.resolve("exec");
  }
}
