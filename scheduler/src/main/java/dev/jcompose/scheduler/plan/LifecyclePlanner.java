package dev.jcompose.scheduler.plan;

import dev.jcompose.scheduler.names.Labels;
import dev.jcompose.scheduler.state.ObservedContainer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans for stop, start and down from observed containers alone (dependencies come from the {@code
 * depends_on} label, so no project is needed): dependants stop first, dependencies start first.
 */
public final class LifecyclePlanner {
  private LifecyclePlanner() {}

  /**
   * Stop running containers (dependants first); with {@code remove}, remove all, then networks and
   * volumes.
   */
  public static Plan down(
      List<ObservedContainer> containers,
      List<String> networks,
      List<String> volumes,
      boolean remove) {
    PlanBuilder b = new PlanBuilder();
    List<ObservedContainer> sorted = sorted(containers);
    for (ObservedContainer c : sorted) {
      if (c.running()) {
        b.add(Op.Kind.STOP_CONTAINER, c.name(), c.service(), "", List.of());
      }
    }
    for (ObservedContainer c : sorted) {
      for (ObservedContainer d : sorted) {
        if (dependsOn(d, c.service())) {
          b.edge(
              Op.idOf(Op.Kind.STOP_CONTAINER, c.name()), Op.idOf(Op.Kind.STOP_CONTAINER, d.name()));
        }
      }
    }
    if (remove) {
      List<String> removes = new ArrayList<>();
      for (ObservedContainer c : sorted) {
        String stop = Op.idOf(Op.Kind.STOP_CONTAINER, c.name());
        // a failed stop must not keep the container: its removal kills what is left anyway
        removes.add(
            b.has(stop)
                ? b.add(
                    Op.Kind.REMOVE_CONTAINER,
                    c.name(),
                    c.service(),
                    Op.EVEN_IF_FAILED,
                    List.of(stop))
                : b.add(Op.Kind.REMOVE_CONTAINER, c.name(), c.service(), "", List.of()));
      }
      networks.stream().sorted().forEach(n -> b.add(Op.Kind.REMOVE_NETWORK, n, null, "", removes));
      volumes.stream().sorted().forEach(v -> b.add(Op.Kind.REMOVE_VOLUME, v, null, "", removes));
    }
    return b.build();
  }

  /** Start the containers that are not running, dependencies first. */
  public static Plan start(List<ObservedContainer> containers) {
    PlanBuilder b = new PlanBuilder();
    List<ObservedContainer> sorted = sorted(containers).stream().filter(c -> !c.running()).toList();
    sorted.forEach(c -> b.add(Op.Kind.START_CONTAINER, c.name(), c.service(), "", List.of()));
    for (ObservedContainer c : sorted) {
      for (ObservedContainer d : sorted) {
        if (dependsOn(c, d.service())) {
          b.edge(
              Op.idOf(Op.Kind.START_CONTAINER, c.name()),
              Op.idOf(Op.Kind.START_CONTAINER, d.name()));
        }
      }
    }
    return b.build();
  }

  /**
   * The services {@code restart} stops and starts: none named = all (empty), else those named with
   * their {@code depends_on.restart: true} dependants among {@code containers}, sorted.
   */
  public static List<String> toRestart(List<ObservedContainer> containers, List<String> services) {
    return services == null || services.isEmpty()
        ? List.of()
        : withRestartDependants(containers, services);
  }

  /** {@code services} plus, transitively, services whose depends_on on them has restart: true. */
  public static List<String> withRestartDependants(
      List<ObservedContainer> containers, List<String> services) {
    Set<String> out = new TreeSet<>(services);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (ObservedContainer c : containers) {
        String l = c.labels().getOrDefault(Labels.DEPENDS_ON, "");
        for (String part : l.isEmpty() ? new String[0] : l.split(",", -1)) {
          String[] f = part.split(":", -1);
          if (f.length == 3 && f[2].equals("true") && out.contains(f[0]) && out.add(c.service())) {
            grew = true;
          }
        }
      }
    }
    return List.copyOf(out);
  }

  static boolean dependsOn(ObservedContainer c, String service) {
    return dependencies(c).contains(service);
  }

  /** Services named in the container's depends_on label ("svc:condition:restart,..."). */
  static Set<String> dependencies(ObservedContainer c) {
    Set<String> out = new TreeSet<>();
    String l = c.labels().get(Labels.DEPENDS_ON);
    if (l != null && !l.isEmpty()) {
      for (String part : l.split(",", -1)) {
        out.add(part.split(":", -1)[0]);
      }
    }
    return out;
  }

  private static List<ObservedContainer> sorted(List<ObservedContainer> cs) {
    return cs.stream().sorted(Comparator.comparing(ObservedContainer::name)).toList();
  }
}
