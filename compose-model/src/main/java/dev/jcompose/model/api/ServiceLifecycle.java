package dev.jcompose.model.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * When a service's containers start, how many, how they stop and whether they come back.
 *
 * @param dependsOn dependency service name to its condition, in the order written
 * @param scale the effective replica count: {@code scale}, else {@code deploy.replicas}, else 1
 * @param stopSignal null = the image's, else SIGTERM
 * @param stopGracePeriod null = docker's 10 s
 * @param postStart commands run in each container once it started ({@code post_start})
 * @param preStop commands run in each container before it is stopped ({@code pre_stop})
 */
public record ServiceLifecycle(
    Map<String, Dependency> dependsOn,
    RestartPolicy restart,
    int scale,
    String stopSignal,
    Duration stopGracePeriod,
    List<Hook> postStart,
    List<Hook> preStop) {

  public ServiceLifecycle {
    dependsOn = Copies.map(dependsOn);
    restart = restart == null ? RestartPolicy.NO : restart;
    postStart = Copies.list(postStart);
    preStop = Copies.list(preStop);
  }

  public ServiceLifecycle(
      Map<String, Dependency> dependsOn,
      RestartPolicy restart,
      int scale,
      String stopSignal,
      Duration stopGracePeriod) {
    this(dependsOn, restart, scale, stopSignal, stopGracePeriod, null, null);
  }

  public ServiceLifecycle withHooks(List<Hook> start, List<Hook> stop) {
    return new ServiceLifecycle(
        dependsOn, restart, scale, stopSignal, stopGracePeriod, start, stop);
  }

  /**
   * A {@code post_start} / {@code pre_stop} hook: a command run in the container as an exec would
   * run it; {@code command} already split, {@code environment} added to the container's.
   */
  public record Hook(
      List<String> command,
      String user,
      boolean privileged,
      String workingDir,
      Map<String, String> environment) {
    public Hook {
      command = Copies.list(command);
      environment = Copies.map(environment);
    }
  }

  public static final ServiceLifecycle NONE = new ServiceLifecycle(null, null, 1, null, null);

  public ServiceLifecycle withDependsOn(Map<String, Dependency> v) {
    return new ServiceLifecycle(v, restart, scale, stopSignal, stopGracePeriod, postStart, preStop);
  }

  public ServiceLifecycle withRestart(RestartPolicy v) {
    return new ServiceLifecycle(
        dependsOn, v, scale, stopSignal, stopGracePeriod, postStart, preStop);
  }

  public ServiceLifecycle withScale(int v) {
    return new ServiceLifecycle(
        dependsOn, restart, v, stopSignal, stopGracePeriod, postStart, preStop);
  }

  public ServiceLifecycle withStop(String signal, Duration gracePeriod) {
    return new ServiceLifecycle(dependsOn, restart, scale, signal, gracePeriod, postStart, preStop);
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
