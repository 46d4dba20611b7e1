package dev.jcompose.scheduler.verbs;

import dev.jcompose.netmgr.api.PortBinding;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.HumanDuration;
import dev.jcompose.scheduler.health.HealthStatus;
import dev.jcompose.scheduler.names.Labels;
import dev.jcompose.scheduler.ops.ContainerActions;
import dev.jcompose.scheduler.ops.EngineContext;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runtime state + labels + health + ports to the {@code ps} view, with docker's status strings. */
final class Summaries {
  private Summaries() {}

  static ContainerSummary of(EngineContext ctx, ContainerState s) {
    Map<String, String> l = s.labels() == null ? Map.of() : s.labels();
    String health = ctx.health().status(s.id()).map(HealthStatus::text).orElse("");
    if (s.status() != ContainerState.Status.RUNNING) {
      health = "";
    }
    int exit = s.exit() == null ? 0 : s.exit().exitCode();
    return new ContainerSummary(
        l.getOrDefault(Labels.CONTAINER_ID, s.id()),
        s.id(),
        l.get(Labels.PROJECT),
        l.get(Labels.SERVICE),
        number(l),
        l.getOrDefault(Labels.IMAGE_REF, ""),
        l.getOrDefault(Labels.COMMAND, ""),
        s.createdAt() == null ? 0 : s.createdAt().getEpochSecond(),
        state(s),
        status(s, health, Instant.now()),
        health,
        exit,
        publishers(ctx, s),
        visible(l),
        ContainerActions.csv(l.get(Labels.NETWORKS)),
        Map.of());
  }

  /**
   * The labels users see: theirs and docker compose's, not the engine's own {@code dev.jcompose.*}.
   */
  static Map<String, String> visible(Map<String, String> labels) {
    Map<String, String> out = new LinkedHashMap<>();
    labels.forEach(
        (k, v) -> {
          if (!k.startsWith(Labels.INTERNAL_PREFIX)) {
            out.put(k, v);
          }
        });
    return out;
  }

  private static int number(Map<String, String> l) {
    try {
      return Integer.parseInt(l.getOrDefault(Labels.NUMBER, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** docker's State.Status: created, running, paused or exited. */
  static String state(ContainerState s) {
    if (s.paused()) {
      return "paused";
    }
    return switch (s.status()) {
      case RUNNING -> "running";
      case CREATED -> "created";
      case EXITED -> "exited";
    };
  }

  /**
   * "Up 5 seconds (healthy)", "Exited (1) 2 minutes ago", "Exited (255)" (finish time unknown),
   * "Created". An OOM kill is named ("Exited (137) 2 minutes ago (OOMKilled)"): docker hides it in
   * inspect, where users rarely look.
   */
  static String status(ContainerState s, String health, Instant now) {
    return switch (s.status()) {
      case CREATED -> "Created";
      case RUNNING ->
          "Up "
              + HumanDuration.of(since(s.startedAt(), now))
              + (s.paused() ? " (Paused)" : health.isEmpty() ? "" : " (" + health + ")");
      // No finish time when the monitor died with it (a reboot): say nothing rather than "now".
      case EXITED ->
          "Exited ("
              + (s.exit() == null ? 0 : s.exit().exitCode())
              + ")"
              + (s.finishedAt() == null
                  ? ""
                  : " " + HumanDuration.of(since(s.finishedAt(), now)) + " ago")
              + (s.exit() != null && s.exit().oomKilled() ? " (OOMKilled)" : "");
    };
  }

  private static Duration since(Instant t, Instant now) {
    return t == null ? Duration.ZERO : Duration.between(t, now);
  }

  private static List<ContainerSummary.Publisher> publishers(EngineContext ctx, ContainerState s) {
    if (s.status() != ContainerState.Status.RUNNING) {
      return List.of();
    }
    try {
      List<PortBinding> ports = ctx.networks().published(s.id());
      return ports.stream()
          .map(
              p ->
                  new ContainerSummary.Publisher(
                      p.hostIp().isEmpty() ? "0.0.0.0" : p.hostIp(),
                      p.containerPort(),
                      p.hostPort(),
                      p.protocol()))
          .toList();
    } catch (RuntimeException e) {
      return List.of();
    }
  }
}
