package dev.jcompose.model.api;

import java.time.Duration;
import java.util.Map;

/**
 * When a service's containers start, how many, how they stop and whether they come back.
 *
 * @param dependsOn dependency service name to its condition, in the order written
 * @param scale the effective replica count: {@code scale}, else {@code deploy.replicas}, else 1
 * @param stopSignal null = the image's, else SIGTERM
 * @param stopGracePeriod null = docker's 10 s
 */
public record ServiceLifecycle(
    Map<String, Dependency> dependsOn,
    RestartPolicy restart,
    int scale,
    String stopSignal,
    Duration stopGracePeriod) {

  public ServiceLifecycle {
    dependsOn = Copies.map(dependsOn);
    restart = restart == null ? RestartPolicy.NO : restart;
  }

  public static final ServiceLifecycle NONE = new ServiceLifecycle(null, null, 1, null, null);

  public ServiceLifecycle withDependsOn(Map<String, Dependency> v) {
    return new ServiceLifecycle(v, restart, scale, stopSignal, stopGracePeriod);
  }

  public ServiceLifecycle withRestart(RestartPolicy v) {
    return new ServiceLifecycle(dependsOn, v, scale, stopSignal, stopGracePeriod);
  }

  public ServiceLifecycle withScale(int v) {
    return new ServiceLifecycle(dependsOn, restart, v, stopSignal, stopGracePeriod);
  }

  public ServiceLifecycle withStop(String signal, Duration gracePeriod) {
    return new ServiceLifecycle(dependsOn, restart, scale, signal, gracePeriod);
  }

  /**
   * A {@code depends_on} entry.
   *
   * @param condition service_started, service_healthy or service_completed_successfully
   * @param restart restart this service when the dependency is recreated
   * @param required false: a missing dependency is skipped
   */
  public record Dependency(String condition, boolean restart, boolean required) {
    public static final String STARTED = "service_started";
    public static final String HEALTHY = "service_healthy";
    public static final String COMPLETED = "service_completed_successfully";

    public static Dependency on(String condition) {
      return new Dependency(condition, false, true);
    }
  }
}
