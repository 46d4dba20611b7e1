package dev.jcompose.convert.k8s;

import dev.jcompose.model.api.RestartPolicy;
import dev.jcompose.model.api.Service;

/**
 * A service's restart intent ({@code restart}, else {@code deploy.restart_policy}, as the model
 * merges them). "no" is docker's default, so only a written one makes a one-shot: an unset restart
 * is how most long-running services are written.
 */
final class Restarts {
  private Restarts() {}

  static boolean oneShot(Service s, Findings findings) {
    RestartPolicy.Mode mode = s.lifecycle().restart().mode();
    return mode == RestartPolicy.Mode.ON_FAILURE
        || (mode == RestartPolicy.Mode.NO && written(s, findings));
  }

  static boolean written(Service s, Findings findings) {
    return findings.written("services", s.name(), "restart")
        || findings.written("services", s.name(), "deploy", "restart_policy");
  }

  /** The attribute that sets the policy, for findings. */
  static String[] attribute(Service s, Findings findings) {
    return findings.written("services", s.name(), "restart")
        ? Context.path(s, "restart")
        : Context.path(s, "deploy", "restart_policy");
  }

  /**
   * True if compose would start the service again after it exits 0 (always, unless-stopped,
   * condition any).
   */
  static boolean restartsAfterSuccess(Service s) {
    return s.lifecycle().restart().restartsAfter(0);
  }

  /** A Job's pod restartPolicy: OnFailure for on-failure, else Never. */
  static String jobPodPolicy(Service s) {
    return s.lifecycle().restart().mode() == RestartPolicy.Mode.ON_FAILURE ? "OnFailure" : "Never";
  }

  /**
   * The retries a Job allows: on-failure:N or max_attempts, 0 when it never restarts, null
   * (Kubernetes' 6) when unbounded.
   */
  static Integer backoffLimit(Service s) {
    if (jobPodPolicy(s).equals("Never")) {
      return 0;
    }
    int max = s.lifecycle().restart().maxRetries();
    return max > 0 ? max : null;
  }
}
