package dev.jcompose.scheduler.engine;

import dev.jcompose.builder.exec.RuntimeImageBuilder;
import dev.jcompose.netmgr.NetworkManagers;
import dev.jcompose.netmgr.api.NetworkManager;
import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ImageService;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.api.StateRoots;
import dev.jcompose.runtime.api.VolumeService;
import dev.jcompose.runtime.cgroup.CgroupDrivers;
import dev.jcompose.runtime.container.LinuxContainerRuntime;
import dev.jcompose.runtime.image.RegistryConfig;
import dev.jcompose.runtime.image.RegistryImageService;
import dev.jcompose.runtime.image.registry.Platform;
import dev.jcompose.runtime.seccomp.SeccompFilters;
import dev.jcompose.runtime.volume.LocalVolumeService;
import dev.jcompose.scheduler.build.BuildTools;
import dev.jcompose.scheduler.build.EngineBuildNetwork;
import io.vertx.core.Vertx;
import java.util.Map;

/**
 * The one place that constructs the real implementations of the runtime and network interfaces.
 * Everything else in the scheduler codes against the interfaces (and tests use fakes).
 */
final class EngineWiring {
  /** The real collaborators plus what must be closed with the engine. */
  record Parts(
      ContainerRuntime runtime,
      ImageService images,
      VolumeService volumes,
      NetworkManager networks,
      Vertx vertx,
      BuildTools builds) {}

  private EngineWiring() {}

  static Parts real(RuntimePaths paths, Map<String, String> env) {
    StateRoots.prepare(paths);
    SeccompFilters.warmUp();
    ContainerRuntime runtime = new LinuxContainerRuntime(paths, CgroupDrivers.detect());
    RegistryImageService images = new RegistryImageService(paths, RegistryConfig.load(env));
    VolumeService volumes = new LocalVolumeService(paths);
    Vertx vertx = Vertx.vertx();
    NetworkManager networks =
        NetworkManagers.create(NetworkManagers.stateDir(paths.dataRoot()), vertx);
    BuildTools builds =
        new BuildTools(
            new RuntimeImageBuilder(
                paths, runtime, images, images, new EngineBuildNetwork(networks)),
            images,
            Platform.host().toString());
    return new Parts(runtime, images, volumes, networks, vertx, builds);
  }
}
