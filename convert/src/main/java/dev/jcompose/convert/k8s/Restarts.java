package dev.jcompose.convert.k8s;

import dev.jcompose.model.api.Service;

/**
 * A service's restart intent: {@code restart} when written, else {@code deploy.restart_policy}
 * (docker compose applies the latter only when the former is unset).
 */
final class Restarts {
  private Restarts() {}

  static boolean oneShot(Service s) {
    String r = s.restart();
    if (r != null) {
      return r.equals("no") || r.startsWith("on-failure");
    }
    return s.deployRestartPolicy() != null && s.deployRestartPolicy().condition() != null
        && !s.deployRestartPolicy().condition().equals("any");
  }

  /** True if compose would start the service again after it exits 0 (always, unless-stopped, condition any). */
  static boolean restartsAfterSuccess(Service s) {
    String r = s.restart();
    if (r != null) {
      return r.equals("always") || r.equals("unless-stopped");
    }
    return s.deployRestartPolicy() != null && "any".equals(s.deployRestartPolicy().condition());
  }

  /** A Job's pod restartPolicy: OnFailure for on-failure, else Never. */
  static String jobPodPolicy(Service s) {
    String r = s.restart();
    boolean onFailure = r != null ? r.startsWith("on-failure")
        : s.deployRestartPolicy() != null && "on-failure".equals(s.deployRestartPolicy().condition());
    return onFailure ? "OnFailure" : "Never";
  }

  /** The retries a Job allows: on-failure:N or max_attempts, 0 when it never restarts, null (Kubernetes' 6) when unbounded. */
  static Integer backoffLimit(Service s) {
    if (jobPodPolicy(s).equals("Never")) {
      return 0;
    }
    String r = s.restart();
    if (r != null && r.startsWith("on-failure:")) {
      return Integer.valueOf(r.substring("on-failure:".length()));
    }
    return s.deployRestartPolicy() == null ? null : s.deployRestartPolicy().maxAttempts();
  }
}
