package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.cgroup.CgroupDrivers;
import java.nio.file.Path;

/**
 * Run in a separate JVM by the survival test: starts a chatty container, then waits to be killed.
 */
public final class DetachedStarter {
  private DetachedStarter() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    var runtime =
        new LinuxContainerRuntime(
            new RuntimePaths(root.resolve("data"), root.resolve("run")), CgroupDrivers.detect());
    var image = BusyboxImage.create(root.resolve("image-detached"));
    runtime.create(
        Specs.spec(args[1], image, "sh", "-c", "while true; do echo tick; sleep 0.05; done"));
    runtime.start(args[1]);
    System.out.println("started");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
