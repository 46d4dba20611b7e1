package dev.jcompose.scheduler.api;

import java.util.List;

/**
 * Flags of {@code start}: {@code services} empty = all; with {@code waitHealthy}, wait until the
 * started containers are running or healthy ({@code start --wait}), at most {@code
 * waitTimeoutSeconds} (null = no bound).
 */
public record StartOptions(List<String> services, boolean waitHealthy, Integer waitTimeoutSeconds) {
  public StartOptions {
    services = services == null ? List.of() : List.copyOf(services);
  }

  public static StartOptions of(List<String> services) {
    return new StartOptions(services, false, null);
  }
}
