package dev.jcompose.scheduler.api;

import java.util.List;
import java.util.Map;

/**
 * Flags of {@code up}. {@code services} empty = all; {@code scale} overrides per service;
 * {@code waitTimeoutSeconds} null = no --wait-timeout.
 */
public record UpOptions(
    List<String> services,
    boolean detach,
    boolean forceRecreate,
    boolean noRecreate,
    boolean noDeps,
    boolean removeOrphans,
    boolean waitHealthy,
    Integer waitTimeoutSeconds,
    boolean dryRun,
    boolean noStart,
    String pull,
    Map<String, Integer> scale,
    Integer timeoutSeconds) {

  public static UpOptions defaults() {
    return new UpOptions(List.of(), true, false, false, false, false, false, null, false, false, "missing", Map.of(), null);
  }
}
