package dev.jcompose.convert.k8s;

import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceStorage;
import java.util.Map;

/**
 * Which controller runs a compose service. Long-running services become Deployments — or
 * StatefulSets when one replica keeps named volumes (a stable identity for the data) — and {@code
 * deploy.mode: global} a DaemonSet (one pod per node, as swarm runs one task per node). One-shots
 * become Jobs: a written {@code restart: "no"} and {@code on-failure} (a Job restarts a failed pod
 * and ends on success, which is what on-failure means), the restart_policy conditions {@code
 * none}/{@code on-failure}, and any service another one waits for with {@code
 * service_completed_successfully}.
 */
enum WorkloadKind {
  DEPLOYMENT("apps/v1", "Deployment"),
  STATEFULSET("apps/v1", "StatefulSet"),
  DAEMONSET("apps/v1", "DaemonSet"),
  JOB("batch/v1", "Job");

  final String apiVersion;
  final String kind;

  WorkloadKind(String apiVersion, String kind) {
    this.apiVersion = apiVersion;
    this.kind = kind;
  }

  /** The reference {@code kubectl} takes, e.g. {@code deployment/web}. */
  String ref(String name) {
    return kind.toLowerCase(java.util.Locale.ROOT) + "/" + name;
  }

  static WorkloadKind of(
      Service s, Map<String, Object> deploy, boolean awaitedToComplete, Findings findings) {
    if (awaitedToComplete || Restarts.oneShot(s, findings)) {
      return JOB;
    }
    if ("global".equals(deploy.get("mode"))) {
      return DAEMONSET;
    }
    boolean namedVolumes =
        s.storage().volumes().stream()
            .anyMatch(v -> v.type() == ServiceStorage.MountType.VOLUME && !v.anonymous());
    return namedVolumes && s.lifecycle().scale() <= 1 ? STATEFULSET : DEPLOYMENT;
  }
}
