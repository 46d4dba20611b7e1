package dev.jcompose.scheduler.health;

import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ExitStatus;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.events.EventBus;
import dev.jcompose.scheduler.names.Labels;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Health of every running container with a healthcheck: one {@link HealthProber} per container run,
 * the last state kept for {@code ps}, and waiters (service_healthy dependants, {@code up --wait})
 * completed the moment a transition happens — event-driven, never polled.
 */
public final class HealthMonitor {
  private final ContainerRuntime runtime;
  private final ScheduledExecutorService timer;
  private final Clock clock;
  private final EventBus bus;
  private final Map<String, HealthProber> probers = new ConcurrentHashMap<>();
  private final Map<String, List<CompletableFuture<Void>>> waiters = new ConcurrentHashMap<>();

  public HealthMonitor(
      ContainerRuntime runtime, ScheduledExecutorService timer, Clock clock, EventBus bus) {
    this.runtime = runtime;
    this.timer = timer;
    this.clock = clock;
    this.bus = bus;
  }

  /** Starts probing a container that just started (no-op without a healthcheck label). */
  public void started(String name, Map<String, String> labels) {
    HealthSpec spec = HealthSpec.decode(labels.get(Labels.HEALTHCHECK));
    if (spec == null) {
      return;
    }
    HealthProber p =
        new HealthProber(name, spec, runtime, timer, clock, (n, st) -> transition(n, labels, st));
    HealthProber old = probers.put(name, p);
    if (old != null) {
      old.stop();
    }
    p.start();
  }

  /** Stops probing; waiters fail with the exit (docker: "dependency failed to start"). */
  public void exited(String name, ExitStatus exit) {
    HealthProber p = probers.remove(name);
    if (p != null) {
      p.stop();
    }
    failWaiters(name, "container " + name + " exited (" + exit.exitCode() + ")");
  }

  /**
   * The engine is about to stop or remove the container: no new probe starts, so no healthcheck
   * exec joins its groups and namespaces while they are killed and removed (docker stops a
   * container's health checks before it stops the container). The last state stays readable until
   * the exit ({@link #exited}) or the removal ({@link #forget}); a start probes afresh.
   */
  public void stopProbing(String name) {
    HealthProber p = probers.get(name);
    if (p != null) {
      p.stop();
    }
  }

  /** The container is gone: stop probing, drop its state. */
  public void forget(String name) {
    HealthProber p = probers.remove(name);
    if (p != null) {
      p.stop();
    }
  }

  public Optional<HealthStatus> status(String name) {
    HealthProber p = probers.get(name);
    return p == null ? Optional.empty() : Optional.of(p.state().status());
  }

  /** Last probe outputs, oldest first. */
  public List<HealthState.Result> log(String name) {
    HealthProber p = probers.get(name);
    return p == null ? List.of() : p.state().log();
  }

  /**
   * Completes when the container is healthy; fails when unhealthy, exited, or without healthcheck.
   */
  public CompletableFuture<Void> awaitHealthy(String name, Map<String, String> labels) {
    if (HealthSpec.decode(labels.get(Labels.HEALTHCHECK)) == null) {
      return CompletableFuture.failedFuture(
          new ComposeException(
              ComposeException.Kind.INVALID,
              "container " + name + " has no healthcheck configured"));
    }
    CompletableFuture<Void> f = new CompletableFuture<>();
    synchronized (waiters) {
      waiters.computeIfAbsent(name, k -> new ArrayList<>()).add(f);
    }
    // Re-check after registering, so a transition in between is not missed.
    status(name).ifPresent(s -> settle(name, s));
    return f;
  }

  public void close() {
    probers.values().forEach(HealthProber::stop);
    probers.clear();
  }

  private void transition(String name, Map<String, String> labels, HealthState state) {
    bus.container(
        name, labels, "health_status: " + state.status().text(), lastOutput(state), Map.of());
    settle(name, state.status());
  }

  private void settle(String name, HealthStatus s) {
    if (s == HealthStatus.HEALTHY) {
      complete(name, null);
    } else if (s == HealthStatus.UNHEALTHY) {
      failWaiters(name, "container " + name + " is unhealthy");
    }
  }

  private void failWaiters(String name, String message) {
    complete(name, new ComposeException(ComposeException.Kind.UNAVAILABLE, message));
  }

  private void complete(String name, Throwable error) {
    List<CompletableFuture<Void>> list;
    synchronized (waiters) {
      list = waiters.remove(name);
    }
    if (list != null) {
      list.forEach(
          f -> {
            if (error == null) {
              f.complete(null);
            } else {
              f.completeExceptionally(error);
            }
          });
    }
  }

  private static String lastOutput(HealthState s) {
    List<HealthState.Result> log = s.log();
    return log.isEmpty() ? "" : log.get(log.size() - 1).output().trim();
  }
}
