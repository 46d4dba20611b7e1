package dev.jcompose.scheduler.engine;

import dev.jcompose.netmgr.api.NetworkManager;
import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ImageService;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.api.VolumeService;
import dev.jcompose.scheduler.api.EngineVerbs;
import dev.jcompose.scheduler.build.BuildTools;
import dev.jcompose.scheduler.events.EventBus;
import dev.jcompose.scheduler.health.HealthMonitor;
import dev.jcompose.scheduler.ops.EngineContext;
import dev.jcompose.scheduler.restart.Supervisor;
import dev.jcompose.scheduler.state.EngineState;
import dev.jcompose.scheduler.state.ProjectLocks;
import dev.jcompose.scheduler.verbs.LocalComposeService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The engine: owns the runtime, network manager, supervision and health probing, and serves {@link
 * #service()}. Lifecycle: {@link #start} re-adopts what an earlier engine left (running containers
 * are watched again; exited always/unless-stopped ones come back, as after a reboot); {@link
 * #close} stops supervision but leaves containers and networks running.
 */
public final class Engine implements AutoCloseable {
  // Most operations wait on a container (stop grace periods) or the kernel, not on a core, so a
  // low bound serialises `down` into waves of grace periods; docker compose sets no limit at all.
  private static final int PARALLELISM = 32;
  private final EngineContext ctx;
  private final LocalComposeService service;
  private final AutoCloseable extra;

  private Engine(EngineContext ctx, AutoCloseable extra) {
    this.ctx = ctx;
    this.service = new LocalComposeService(ctx);
    this.extra = extra;
  }

  /** Starts the real engine on this host. */
  public static Engine start(RuntimePaths paths, Map<String, String> env) {
    EngineWiring.Parts parts = EngineWiring.real(paths, env);
    parts.networks().start();
    return start(
        parts.runtime(),
        parts.images(),
        parts.volumes(),
        parts.networks(),
        paths.dataRoot().resolve("state"),
        paths.runRoot().resolve("locks"),
        () -> parts.vertx().close(),
        parts.builds());
  }

  /** Starts an engine on the given collaborators (tests pass fakes); it cannot build images. */
  public static Engine start(
      ContainerRuntime runtime,
      ImageService images,
      VolumeService volumes,
      NetworkManager networks,
      Path stateDir,
      Path lockDir,
      AutoCloseable extra) {
    return start(runtime, images, volumes, networks, stateDir, lockDir, extra, BuildTools.none());
  }

  /** Starts an engine on the given collaborators and image builder. */
  public static Engine start(
      ContainerRuntime runtime,
      ImageService images,
      VolumeService volumes,
      NetworkManager networks,
      Path stateDir,
      Path lockDir,
      AutoCloseable extra,
      BuildTools builds) {
    // a cached pool whose threads end 5 s after a burst (an up of 20 services leaves ~25), not
    // after the default minute: ~100 KiB of RSS each while they wait; a new thread costs ~0.1 ms
    ExecutorService pool =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            5,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            daemon("jcompose-op"));
    ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, daemon("jcompose-timer"));
    EventBus bus = new EventBus();
    HealthMonitor health = new HealthMonitor(runtime, timer, Clock.systemUTC(), bus);
    EngineState state = new EngineState(stateDir);
    Supervisor supervisor = new Supervisor(runtime, state, health, bus, timer);
    EngineContext ctx =
        new EngineContext(
            runtime,
            images,
            volumes,
            networks,
            bus,
            health,
            supervisor,
            state,
            new ProjectLocks(lockDir),
            pool,
            timer,
            stateDir,
            PARALLELISM,
            builds);
    supervisor.adopt();
    return new Engine(ctx, extra);
  }

  public EngineVerbs service() {
    return service;
  }

  public EventBus events() {
    return ctx.bus();
  }

  @Override
  public void close() {
    ctx.health().close();
    ctx.timer().shutdownNow();
    ctx.pool().shutdownNow();
    try {
      ctx.networks().close();
      extra.close();
    } catch (Exception e) {
      throw new IllegalStateException("engine close failed", e);
    }
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
