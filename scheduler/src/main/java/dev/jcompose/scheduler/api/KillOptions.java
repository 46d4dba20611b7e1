package dev.jcompose.scheduler.api;

import java.util.List;

/**
 * Flags of {@code kill}: the signal by name ({@code SIGKILL}, {@code KILL}) or number, sent to the
 * running containers of {@code services} (empty = all); {@code removeOrphans} also removes the
 * containers of services the project no longer declares ({@code projectServices}).
 */
public record KillOptions(
    List<String> services, String signal, boolean removeOrphans, List<String> projectServices) {
  public KillOptions {
    services = services == null ? List.of() : List.copyOf(services);
    signal = signal == null || signal.isEmpty() ? "SIGKILL" : signal;
    projectServices = projectServices == null ? List.of() : List.copyOf(projectServices);
  }
}
