package dev.jcompose.scheduler.ops;

import dev.jcompose.netmgr.api.NetworkManager;
import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ImageService;
import dev.jcompose.runtime.api.VolumeService;
import dev.jcompose.scheduler.build.BuildTools;
import dev.jcompose.scheduler.events.EventBus;
import dev.jcompose.scheduler.health.HealthMonitor;
import dev.jcompose.scheduler.restart.Supervisor;
import dev.jcompose.scheduler.state.EngineState;
import dev.jcompose.scheduler.state.ProjectLocks;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The engine's collaborators, built once by {@link EngineWiring} (or by tests with fakes).
 *
 * @param stateDir {@code <dataRoot>/state}: engine state and per-container etc files
 * @param builds the image builder and store ({@link BuildTools#none()} on fakes)
 */
public record EngineContext(
    ContainerRuntime runtime,
    ImageService images,
    VolumeService volumes,
    NetworkManager networks,
    EventBus bus,
    HealthMonitor health,
    Supervisor supervisor,
    EngineState state,
    ProjectLocks locks,
    ExecutorService pool,
    ScheduledExecutorService timer,
    Path stateDir,
    int parallelism,
    BuildTools builds) {

  /** Exists once the container's creation (runtime + network + etc files) finished. */
  public Path wiredMarker(String container) {
    return stateDir.resolve("created").resolve(container);
  }

  public Path etcDir(String container) {
    return stateDir.resolve("etc").resolve(container);
  }
}
