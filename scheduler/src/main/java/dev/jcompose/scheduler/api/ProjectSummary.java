package dev.jcompose.scheduler.api;

import java.util.List;

/**
 * A project as {@code ls} lists it: its name, its containers' states counted ({@code running(2),
 * exited(1)}, docker compose's form) and the compose files its containers were made from.
 */
public record ProjectSummary(String name, String status, List<String> configFiles) {
  public ProjectSummary {
    configFiles = configFiles == null ? List.of() : List.copyOf(configFiles);
  }
}
