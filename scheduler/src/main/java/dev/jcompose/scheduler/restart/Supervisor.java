package dev.jcompose.scheduler.restart;

import dev.jcompose.model.api.RestartPolicy;
import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.ExitStatus;
import dev.jcompose.scheduler.events.EventBus;
import dev.jcompose.scheduler.health.HealthMonitor;
import dev.jcompose.scheduler.names.Labels;
import dev.jcompose.scheduler.state.EngineState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches every running container of the engine (started now or re-adopted) through {@link
 * ContainerRuntime#awaitExit}, and applies its restart policy (read from its labels, so it works
 * without the project) on exit. A restart is {@code runtime.start(id)} on the exited container,
 * after the policy's backoff. Containers the engine is stopping itself (stop, down, recreate) are
 * never restarted.
 */
public final class Supervisor {
  private final ContainerRuntime runtime;
  private final EngineState state;
  private final HealthMonitor health;
  private final EventBus bus;
  private final ScheduledExecutorService timer;
  private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
  private final Map<String, Duration> lastDelays = new ConcurrentHashMap<>();
  private final Set<String> stopping = ConcurrentHashMap.newKeySet();

  public Supervisor(
      ContainerRuntime runtime,
      EngineState state,
      HealthMonitor health,
      EventBus bus,
      ScheduledExecutorService timer) {
    this.runtime = runtime;
    this.state = state;
    this.health = health;
    this.bus = bus;
    this.timer = timer;
  }

  /** Call right after the container started (by anyone): health probing and exit watching begin. */
  public void watch(String name, Map<String, String> labels) {
    stopping.remove(name);
    long gen = generations.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
    health.started(name, labels);
    // the exit is handled in the callback; the returned stage carries nothing more
    var unused =
        runtime
            .awaitExit(name)
            .whenComplete(
                (exit, err) -> {
                  AtomicLong current = generations.get(name);
                  if (err == null && current != null && current.get() == gen) {
                    onExit(name, labels, exit);
                  }
                });
  }

  /**
   * The engine is about to stop or remove this container: no restart on its exit, no new health
   * probe.
   */
  public void expectStop(String name) {
    stopping.add(name);
    health.stopProbing(name);
  }

  /** The container is gone: forget everything about it. */
  public void forget(String name) {
    generations.remove(name);
    lastDelays.remove(name);
    stopping.remove(name);
    health.forget(name);
    state.forget(name);
  }

  /**
   * Engine start: watch running containers again; bring back exited ones whose policy says so
   * (always, unless-stopped not stopped by the user), as docker does when its daemon starts.
   */
  public void adopt() {
    for (String id : runtime.list()) {
      runtime
          .state(id)
          .ifPresent(
              s -> {
                Map<String, String> labels = s.labels() == null ? Map.of() : s.labels();
                if (s.status() == ContainerState.Status.RUNNING) {
                  watch(id, labels);
                } else if (s.status() == ContainerState.Status.EXITED
                    && labels.containsKey(Labels.PROJECT)
                    && RestartDecider.restartOnEngineStart(
                        RestartPolicy.parse(labels.get(Labels.RESTART)),
                        state.get(id).userStopped())) {
                  restartNow(id, labels);
                }
              });
    }
  }

  private void onExit(String name, Map<String, String> labels, ExitStatus exit) {
    health.exited(name, exit);
    EngineState.Entry entry = state.get(name);
    RestartDecider.Decision d =
        stopping.contains(name)
            ? null
            : RestartDecider.decide(
                policy(labels),
                exit,
                entry.userStopped(),
                entry.restartCount(),
                ranFor(name),
                lastDelays.get(name));
    boolean restart = d != null && d.restart();
    // The decision travels with the die event, so an attached client knows at once whether to wait.
    bus.container(
        name,
        labels,
        "die",
        "exit code " + exit.exitCode(),
        Map.of(
            "exitCode", Integer.toString(exit.exitCode()), "restart", Boolean.toString(restart)));
    if (exit.oomKilled()) {
      bus.container(name, labels, "oom", "", Map.of());
    }
    if (!restart) {
      return;
    }
    state.setRestartCount(name, d.restartCount());
    lastDelays.put(name, d.delay());
    bus.container(
        name,
        labels,
        "restarting",
        "in " + d.delay().toMillis() + " ms (" + d.reason() + ")",
        Map.of());
    // never cancelled: a restart no longer wanted is voided when it runs (restartIfStillWanted)
    var unused =
        timer.schedule(
            () -> restartIfStillWanted(name, labels), d.delay().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void restartIfStillWanted(String name, Map<String, String> labels) {
    // Removed meanwhile (forget) or stopped by the engine/user: the pending restart is void.
    if (!generations.containsKey(name)
        || stopping.contains(name)
        || state.get(name).userStopped()) {
      return;
    }
    restartNow(name, labels);
  }

  private void restartNow(String name, Map<String, String> labels) {
    try {
      runtime.start(name);
      bus.container(name, labels, "restart", "", Map.of());
      watch(name, labels);
    } catch (RuntimeException e) {
      bus.container(name, labels, "Error", "restart failed: " + e.getMessage(), Map.of());
    }
  }

  private Duration ranFor(String name) {
    return runtime
        .state(name)
        .filter(s -> s.startedAt() != null)
        .map(
            s ->
                Duration.between(
                    s.startedAt(), s.finishedAt() == null ? Instant.now() : s.finishedAt()))
        .orElse(Duration.ZERO);
  }

  static RestartPolicy policy(Map<String, String> labels) {
    RestartPolicy p = RestartPolicy.parse(labels.getOrDefault(Labels.RESTART, "no"));
    String delay = labels.get(Labels.RESTART_DELAY_MS);
    String window = labels.get(Labels.RESTART_WINDOW_MS);
    return p.withTiming(
        delay == null ? null : Duration.ofMillis(Long.parseLong(delay)),
        window == null ? null : Duration.ofMillis(Long.parseLong(window)));
  }
}
