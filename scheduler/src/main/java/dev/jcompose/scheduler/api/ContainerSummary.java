package dev.jcompose.scheduler.api;

import java.util.List;
import java.util.Map;

/**
 * A container as {@code ps --format json} shows it (docker compose field names are produced by the
 * CLI from this). {@code state} is created/running/restarting/exited; {@code health} is
 * starting/healthy/unhealthy or empty.
 */
public record ContainerSummary(
    String id,
    String name,
    String project,
    String service,
    int number,
    String image,
    String command,
    long createdEpochSeconds,
    String state,
    String status,
    String health,
    int exitCode,
    List<Publisher> publishers,
    Map<String, String> labels,
    List<String> networks,
    Map<String, String> ipAddresses) {

  /**
   * A published port: URL is the host IP ("0.0.0.0"), TargetPort/PublishedPort as docker prints.
   */
  public record Publisher(String url, int targetPort, int publishedPort, String protocol) {}
}
