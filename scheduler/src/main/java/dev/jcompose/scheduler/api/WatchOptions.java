package dev.jcompose.scheduler.api;

import java.util.List;

/** Options of {@code watch}: the services whose {@code develop.watch} rules apply (empty = all). */
public record WatchOptions(List<String> services) {
  public WatchOptions {
    services = List.copyOf(services);
  }
}
