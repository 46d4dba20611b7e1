package dev.jcompose.scheduler.verbs;

import dev.jcompose.netmgr.api.NetworkInfo;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.scheduler.api.CallSettings;
import dev.jcompose.scheduler.api.PruneOptions;
import dev.jcompose.scheduler.api.PruneReport;
import dev.jcompose.scheduler.host.HostStores;
import dev.jcompose.scheduler.names.Labels;
import dev.jcompose.scheduler.ops.EngineContext;
import dev.jcompose.scheduler.ops.Executions;
import dev.jcompose.scheduler.ops.Progress;
import dev.jcompose.scheduler.ops.UpRunner;
import dev.jcompose.scheduler.plan.LifecyclePlanner;
import dev.jcompose.scheduler.state.ObservedContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code system prune}, as docker's: every stopped container (each project under its lock), then
 * the networks no container is attached to, then the images no container uses (only untagged ones
 * unless {@code allImages}) and, with {@code volumes}, the anonymous volumes no container mounts.
 */
final class Pruning {
  private final EngineContext ctx;
  private final CallSettings settings;
  private final HostStores stores;

  Pruning(EngineContext ctx, CallSettings settings, HostStores stores) {
    this.ctx = ctx;
    this.settings = settings;
    this.stores = stores;
  }

  PruneReport prune(PruneOptions options, Progress progress) {
    List<String> containers = containers(progress);
    List<String> networks = networks(progress);
    PruneReport images = stores.imagePrune(options.allImages(), e -> {});
    PruneReport volumes =
        options.volumes() ? stores.volumePrune(false, e -> {}) : PruneReport.empty();
    return new PruneReport(
        containers,
        networks,
        volumes.volumes(),
        images.images(),
        images.reclaimedBytes() + volumes.reclaimedBytes());
  }

  @SuppressWarnings("try") // the resource is a lock (or watcher) held for the block, not used in it
  private List<String> containers(Progress progress) {
    Map<String, List<ObservedContainer>> byProject = new TreeMap<>();
    for (String id : ctx.runtime().list()) {
      Optional<ContainerState> st = ctx.runtime().state(id);
      if (st.isPresent() && st.get().status() != ContainerState.Status.RUNNING) {
        String project =
            st.get().labels() == null ? "" : st.get().labels().getOrDefault(Labels.PROJECT, "");
        byProject
            .computeIfAbsent(project, p -> new ArrayList<>())
            .add(ObservedContainer.of(st.get()));
      }
    }
    List<String> removed = new ArrayList<>();
    byProject.forEach(
        (project, cs) -> {
          try (var lock = new Locked(ctx, project.isEmpty() ? "-" : project)) {
            Executions.run(
                ctx,
                LifecyclePlanner.down(cs, List.of(), List.of(), true),
                new UpRunner(ctx, null, cs, progress, null, true, false),
                progress,
                settings);
          }
          cs.forEach(c -> removed.add(c.name()));
        });
    return removed;
  }

  private List<String> networks(Progress progress) {
    List<String> removed = new ArrayList<>();
    for (NetworkInfo n : ctx.networks().list()) {
      if (ctx.networks().endpoints(n.name()).isEmpty()) {
        progress.network(n.name(), "Removing");
        if (!settings.dryRun()) {
          ctx.networks().remove(n.name());
        }
        progress.network(n.name(), "Removed");
        removed.add(n.name());
      }
    }
    return removed;
  }
}
