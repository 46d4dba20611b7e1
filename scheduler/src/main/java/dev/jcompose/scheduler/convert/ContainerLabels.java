package dev.jcompose.scheduler.convert;

import dev.jcompose.model.api.RestartPolicy;
import dev.jcompose.model.api.Service;
import dev.jcompose.scheduler.health.HealthSpec;
import dev.jcompose.scheduler.names.Labels;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The labels of a compose container: the service's, docker compose's, and the engine's own. */
public final class ContainerLabels {
  private ContainerLabels() {}

  public static Map<String, String> of(ContainerRequest r) {
    Service s = r.service();
    Map<String, String> l = new LinkedHashMap<>(s.labels());
    l.put(Labels.PROJECT, r.project().name());
    l.put(Labels.SERVICE, s.name());
    l.put(Labels.NUMBER, Integer.toString(r.number()));
    l.put(Labels.ONEOFF, r.oneoff() ? "True" : "False");
    l.put(Labels.CONFIG_HASH, r.configHash());
    l.put(Labels.VERSION, Labels.COMPOSE_VERSION);
    l.put(Labels.IMAGE, r.image().imageId() == null ? "" : r.image().imageId());
    l.put(Labels.IMAGE_REF, s.image() == null ? "" : s.image());
    if (r.project().workingDir() != null) {
      l.put(Labels.WORKING_DIR, r.project().workingDir().toString());
    }
    if (r.project().composeFiles() != null) {
      l.put(
          Labels.CONFIG_FILES,
          r.project().composeFiles().stream().map(Path::toString).collect(Collectors.joining(",")));
    }
    l.put(Labels.DEPENDS_ON, dependsOn(s));
    l.put(Labels.CONTAINER_ID, r.hostId());
    l.put(
        Labels.VOLUMES,
        String.join(
            ",",
            MountConverter.anonymousVolumes(
                s, r.image().config() == null ? null : r.image().config().volumes(), r.name())));
    RestartPolicy policy = r.oneoff() ? RestartPolicy.NO : s.lifecycle().restart();
    l.put(Labels.RESTART, policy.label());
    if (policy.delay() != null) {
      l.put(Labels.RESTART_DELAY_MS, Long.toString(policy.delay().toMillis()));
    }
    if (policy.window() != null) {
      l.put(Labels.RESTART_WINDOW_MS, Long.toString(policy.window().toMillis()));
    }
    HealthSpec health =
        HealthSpec.effective(
            s.healthcheck(), r.image().config() == null ? null : r.image().config().healthcheck());
    if (health != null) {
      l.put(Labels.HEALTHCHECK, health.encode());
    }
    String signal =
        s.lifecycle().stopSignal() != null
            ? s.lifecycle().stopSignal()
            : r.image().config() == null ? null : r.image().config().stopSignal();
    if (signal != null) {
      l.put(Labels.STOP_SIGNAL, signal);
    }
    if (s.lifecycle().stopGracePeriod() != null) {
      l.put(Labels.STOP_GRACE_MS, Long.toString(s.lifecycle().stopGracePeriod().toMillis()));
    }
    l.put(
        Labels.NETWORKS,
        NetworkConverter.serviceNetworkKeys(r.project(), s).stream()
            .map(k -> NetworkConverter.networkName(r.project(), k))
            .collect(Collectors.joining(",")));
    if (s.logging() != null && s.logging().driver() != null && !s.logging().driver().isEmpty()) {
      l.put(Labels.LOG_DRIVER, s.logging().driver());
    }
    l.put(
        Labels.COMMAND,
        String.join(
            " ",
            ProcessMerger.args(
                s,
                r.image().config(),
                r.run() == null ? null : r.run().command(),
                r.run() == null ? null : r.run().entrypoint())));
    return l;
  }

  /** docker compose's depends_on label: "svc:condition:restart,..." sorted by name. */
  static String dependsOn(Service s) {
    return s.lifecycle().dependsOn().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + ":" + e.getValue().condition() + ":" + e.getValue().restart())
        .collect(Collectors.joining(","));
  }
}
