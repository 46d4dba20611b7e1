package dev.jcompose.scheduler.api;

import java.util.List;

/**
 * Flags of {@code rm}: the stopped containers of {@code services} (empty = all) are removed; with
 * {@code stop} running ones are stopped first (else they are left alone, as docker compose does);
 * with {@code volumes} their anonymous volumes go too.
 */
public record RemoveOptions(List<String> services, boolean stop, boolean volumes) {
  public RemoveOptions {
    services = services == null ? List.of() : List.copyOf(services);
  }
}
