package dev.jcompose.convert.k8s;

import dev.jcompose.model.api.HealthCheck;
import dev.jcompose.model.api.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Probes from a compose healthcheck. Docker marks a container healthy or unhealthy and gates {@code
 * depends_on: service_healthy} on it but never restarts it for being unhealthy, so the healthcheck
 * becomes a readiness probe (a not-ready pod gets no Service traffic — the cluster's gate) and no
 * liveness probe. {@code start_period} becomes a startup probe that polls every {@code
 * start_interval} for the start period plus the retries docker allows after it (docker's defaults:
 * interval and timeout 30s, retries 3, start_interval 5s).
 */
final class Probes {
  private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DEFAULT_START_INTERVAL = Duration.ofSeconds(5);
  private static final int DEFAULT_RETRIES = 3;

  private Probes() {}

  /** readinessProbe and startupProbe entries for the container, or nothing. */
  static Map<String, Object> of(Service s, Findings findings) {
    HealthCheck h = s.healthcheck();
    if (h == null || h.disable()) {
      return Map.of();
    }
    String[] path = Context.path(s, "healthcheck");
    if (h.test() == null || h.test().isEmpty()) {
      findings.report(
          "the test comes from the image's HEALTHCHECK, which Kubernetes does not run; no probe",
          path);
      return Map.of();
    }
    Map<String, Object> exec = Obj.of("command", command(h.test()));
    Duration interval = orDefault(h.interval(), DEFAULT_INTERVAL, findings, s, "interval");
    Duration timeout = orDefault(h.timeout(), DEFAULT_TIMEOUT, findings, s, "timeout");
    int retries = h.retries() == null ? DEFAULT_RETRIES : Math.max(1, h.retries());
    Map<String, Object> probes =
        Obj.of(
            "readinessProbe",
            Obj.of(
                "exec",
                exec,
                "periodSeconds",
                Quantities.seconds(interval),
                "timeoutSeconds",
                Quantities.seconds(timeout),
                "failureThreshold",
                retries));
    if (h.startPeriod() != null && !h.startPeriod().isZero()) {
      Duration every =
          orDefault(h.startInterval(), DEFAULT_START_INTERVAL, findings, s, "start_interval");
      long period = Quantities.seconds(every);
      long budget = (Quantities.seconds(h.startPeriod()) + period - 1) / period + retries;
      Obj.put(
          probes,
          "startupProbe",
          Obj.of(
              "exec",
              exec,
              "periodSeconds",
              (int) period,
              "timeoutSeconds",
              Quantities.seconds(timeout),
              "failureThreshold",
              (int) Math.min(budget, Integer.MAX_VALUE)));
    }
    return probes;
  }

  private static List<String> command(List<String> test) {
    List<String> rest = test.subList(1, test.size());
    if (test.get(0).equals("CMD-SHELL")) {
      return List.of("/bin/sh", "-c", String.join(" ", rest));
    }
    return new ArrayList<>(rest);
  }

  private static Duration orDefault(
      Duration d, Duration fallback, Findings findings, Service s, String attribute) {
    if (d == null) {
      return fallback;
    }
    if (!Quantities.wholeSeconds(d)) {
      findings.report(
          d.toMillis() + "ms becomes " + Quantities.seconds(d) + "s: probes count whole seconds",
          Context.path(s, "healthcheck", attribute));
    }
    return d;
  }
}
