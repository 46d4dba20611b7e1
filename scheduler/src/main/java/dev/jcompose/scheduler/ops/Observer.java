package dev.jcompose.scheduler.ops;

import dev.jcompose.netmgr.api.NetworkInfo;
import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.VolumeService;
import dev.jcompose.scheduler.names.Labels;
import dev.jcompose.scheduler.state.ObservedContainer;
import dev.jcompose.scheduler.state.ObservedState;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the actual state of a project from the runtime (by labels), netmgr and volumes. */
public final class Observer {
  private Observer() {}

  public static ObservedState observe(EngineContext ctx, String project) {
    List<ObservedContainer> cs =
        projectContainers(ctx.runtime(), project).stream()
            .map(s -> new ObservedContainer(s.id(), s.status(), s.labels(), incomplete(ctx, s)))
            .toList();
    Set<String> nets =
        ctx.networks().list().stream().map(NetworkInfo::name).collect(Collectors.toSet());
    Set<String> vols =
        ctx.volumes().list().stream()
            .map(VolumeService.VolumeInfo::name)
            .collect(Collectors.toSet());
    return new ObservedState(cs, nets, vols);
  }

  /**
   * A container whose create an engine did not finish: it never started and its network was never
   * wired. Killed after its record was written but before its monitor was spawned, it is EXITED (no
   * process, no network namespace); killed later, CREATED. Either way starting it cannot work: it
   * is recreated.
   */
  private static boolean incomplete(EngineContext ctx, ContainerState s) {
    boolean neverStarted =
        s.status() == ContainerState.Status.CREATED
            || (s.status() == ContainerState.Status.EXITED && s.startedAt() == null);
    return neverStarted && !Files.exists(ctx.wiredMarker(s.id()));
  }

  /** Every container of the project (one-offs included), by name. */
  public static List<ContainerState> projectContainers(ContainerRuntime rt, String project) {
    return rt.list().stream()
        .map(rt::state)
        .flatMap(Optional::stream)
        .filter(s -> s.labels() != null && project.equals(s.labels().get(Labels.PROJECT)))
        .sorted(Comparator.comparing(ContainerState::id))
        .toList();
  }

  public static List<ContainerState> serviceContainers(
      ContainerRuntime rt, String project, String service) {
    return projectContainers(rt, project).stream()
        .filter(
            s ->
                service.equals(s.labels().get(Labels.SERVICE))
                    && !"True".equals(s.labels().get(Labels.ONEOFF)))
        .toList();
  }
}
