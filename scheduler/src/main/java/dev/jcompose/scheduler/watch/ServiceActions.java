package dev.jcompose.scheduler.watch;

import dev.jcompose.model.api.DevelopConfig;
import dev.jcompose.model.api.DevelopConfig.Action;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one batch of changes asks of one service: files to copy into its containers (host file to
 * container path) or remove there, then at most one of rebuild, restart, or the exec hooks of the
 * sync+exec rules that matched. A rebuild replaces the containers, so it makes syncs and restarts
 * pointless and they are dropped.
 */
public record ServiceActions(
    String service,
    Map<String, Path> copies,
    List<String> removals,
    boolean rebuild,
    boolean restart,
    List<DevelopConfig.ExecHook> execs,
    int changes) {

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(service).append(':');
    if (rebuild) {
      return s.append(" rebuild (").append(changes).append(" changes)").toString();
    }
    copies.forEach((target, host) -> s.append(" copy ").append(target));
    removals.forEach(r -> s.append(" remove ").append(r));
    if (restart) {
      s.append(" restart");
    }
    execs.forEach(x -> s.append(" exec ").append(x.command()));
    return s.toString();
  }

  static final class Builder {
    private final String service;
    private final Map<String, Path> copies = new LinkedHashMap<>();
    private final List<String> removals = new ArrayList<>();
    private final List<DevelopConfig.ExecHook> execs = new ArrayList<>();
    private boolean rebuild;
    private boolean restart;
    private final java.util.Set<Path> seen = new java.util.HashSet<>();
    private int changes;

    Builder(String service) {
      this.service = service;
    }

    void add(DevelopConfig.WatchRule rule, String containerPath, FileChange change) {
      if (!seen.contains(change.path())) {
        seen.add(change.path());
        changes++;
      }
      Action a = rule.action();
      if (a == Action.REBUILD) {
        rebuild = true;
        return;
      }
      if (a.syncs()) {
        if (change.deleted()) {
          copies.remove(containerPath);
          if (!removals.contains(containerPath)) {
            removals.add(containerPath);
          }
        } else {
          removals.remove(containerPath);
          copies.put(containerPath, change.path());
        }
      }
      if (a == Action.SYNC_RESTART || a == Action.RESTART) {
        restart = true;
      }
      if (a == Action.SYNC_EXEC && rule.exec() != null && !execs.contains(rule.exec())) {
        execs.add(rule.exec());
      }
    }

    boolean isEmpty() {
      return changes == 0;
    }

    ServiceActions build() {
      if (rebuild) {
        return new ServiceActions(service, Map.of(), List.of(), true, false, List.of(), changes);
      }
      return new ServiceActions(
          service,
          java.util.Collections.unmodifiableMap(new LinkedHashMap<>(copies)),
          List.copyOf(removals),
          false,
          restart,
          List.copyOf(execs),
          changes);
    }
  }
}
