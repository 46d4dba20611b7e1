package dev.jcompose.runtime.api;

import java.util.List;
import java.util.Map;

/**
 * The runtime part of an OCI image config ({@code config} object). Null when unset in the image.
 *
 * @param healthcheck docker's HEALTHCHECK extension, null if none
 */
public record ImageConfig(
    List<String> entrypoint,
    List<String> cmd,
    List<String> env,
    String workingDir,
    String user,
    List<String> exposedPorts,
    List<String> volumes,
    String stopSignal,
    Map<String, String> labels,
    HealthConfig healthcheck) {

  /** Durations in nanoseconds as docker stores them; 0 = default. */
  public record HealthConfig(
      List<String> test,
      long intervalNanos,
      long timeoutNanos,
      long startPeriodNanos,
      long startIntervalNanos,
      int retries) {}
}
