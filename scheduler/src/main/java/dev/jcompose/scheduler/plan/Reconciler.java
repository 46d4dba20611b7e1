package dev.jcompose.scheduler.plan;

import dev.jcompose.model.api.Network;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.PullPolicy;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceLifecycle;
import dev.jcompose.model.api.ServiceStorage;
import dev.jcompose.model.api.Volume;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.convert.NetworkConverter;
import dev.jcompose.scheduler.graph.ServiceGraph;
import dev.jcompose.scheduler.names.ContainerNames;
import dev.jcompose.scheduler.state.ObservedContainer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Desired project x observed state x up options -> {@link Plan}. Pure: no I/O, no clock.
 *
 * <p>Rules follow docker compose's convergence: a container is recreated when forced, when its
 * config hash or image id differs, or when the service whose network namespace it joins is
 * recreated; {@code --no-recreate} keeps everything. Surplus replicas (highest numbers) are
 * removed, missing ones get the next numbers. Starting waits for {@code depends_on} conditions;
 * stopping runs dependants first.
 */
public final class Reconciler {
  private final ReconcileInput in;
  private final Project p;
  private final ServiceGraph graph;
  private final PlanBuilder plan = new PlanBuilder();
  private final Map<String, String> networkOps = new HashMap<>();
  private final Map<String, String> volumeOps = new HashMap<>();
  private final Map<String, String> imageOps = new HashMap<>();
  private final Map<String, ServiceOps> services = new HashMap<>();

  /** Per service: the ids of its start ops, stop ops, and whether any container is recreated. */
  private record ServiceOps(List<String> starts, List<String> stops, boolean recreated) {}

  /** Per service: the ids of the create ops planned for it so far. */
  private final Map<String, List<String>> creates = new HashMap<>();

  private Reconciler(ReconcileInput in) {
    this.in = in;
    this.p = in.project();
    this.graph = new ServiceGraph(p);
  }

  public static Plan plan(ReconcileInput in) {
    return new Reconciler(in).run();
  }

  /**
   * What a one-off container of {@code service} needs before it is created ({@code run}): the
   * service's networks and named volumes when missing, and its image by the pull policy. Its
   * dependencies are {@code up}'s business.
   */
  public static Plan resources(ReconcileInput in, String service) {
    Reconciler r = new Reconciler(in);
    r.resources(in.project().services().get(service));
    return r.plan.build();
  }

  private Plan run() {
    Set<String> scope = scope();
    for (String name : graph.startOrder()) {
      if (scope.contains(name)) {
        resources(p.services().get(name));
      }
    }
    for (String name : graph.startOrder()) {
      if (scope.contains(name)) {
        service(p.services().get(name), scope);
      }
    }
    orderStops();
    orphans();
    return plan.build();
  }

  private Set<String> scope() {
    List<String> selected = in.options().services() == null ? List.of() : in.options().services();
    if (selected.isEmpty()) {
      return new TreeSet<>(p.services().keySet());
    }
    return in.options().noDeps() ? new TreeSet<>(selected) : graph.withDependencies(selected);
  }

  private void resources(Service s) {
    for (String key : NetworkConverter.serviceNetworkKeys(p, s)) {
      Network n = p.networks() == null ? null : p.networks().get(key);
      String name = NetworkConverter.networkName(p, key);
      boolean exists = in.observed().networks().contains(name);
      if (n != null && n.external() && !exists) {
        // docker compose's words (pkg/compose/create.go resolveExternalNetwork)
        throw new ComposeException(
            ComposeException.Kind.NOT_FOUND,
            "network " + name + " declared as external, but could not be found");
      }
      if (n != null && !n.external() && !exists) {
        networkOps.put(key, plan.add(Op.Kind.CREATE_NETWORK, name, null, "", List.of()));
      }
    }
    for (ServiceStorage.Mount v : s.storage().volumes()) {
      if (v.type() != ServiceStorage.MountType.VOLUME || v.anonymous()) {
        continue;
      }
      Volume vol = p.volumes() == null ? null : p.volumes().get(v.source());
      String name = vol == null || vol.name() == null ? p.name() + "_" + v.source() : vol.name();
      boolean external = vol != null && vol.external();
      if (external && !in.observed().volumes().contains(name)) {
        throw new ComposeException(
            ComposeException.Kind.NOT_FOUND, "external volume \"" + name + "\" not found");
      }
      if (!external && !in.observed().volumes().contains(name)) {
        volumeOps.put(v.source(), plan.add(Op.Kind.CREATE_VOLUME, name, null, "", List.of()));
      }
    }
    String image = s.image();
    if (image != null && !imageOps.containsKey(image)) {
      String text = s.pullPolicy() != null ? s.pullPolicy() : in.options().pull();
      PullPolicy policy = PullPolicy.parse(text);
      boolean present = in.localImages().containsKey(image);
      Instant pulled = in.pulledAt().get(image);
      if (policy.kind() == PullPolicy.Kind.ALWAYS) {
        imageOps.put(
            image, plan.add(Op.Kind.PULL_IMAGE, image, null, "pull_policy always", List.of()));
      } else if (policy.kind() == PullPolicy.Kind.REFRESH
          && present
          && pulled != null
          && in.now().isAfter(pulled.plus(policy.every()))) {
        // docker compose mustPull: a refreshing policy pulls once the image is older than its
        // period
        imageOps.put(
            image, plan.add(Op.Kind.PULL_IMAGE, image, null, "pull_policy " + text, List.of()));
      } else if (!present && policy.kind() != PullPolicy.Kind.NEVER) {
        imageOps.put(image, plan.add(Op.Kind.PULL_IMAGE, image, null, "missing", List.of()));
      } else if (!present && policy.kind() == PullPolicy.Kind.NEVER) {
        plan.warn("image " + image + " is not present locally and pull_policy is never");
      }
    }
  }

  private void service(Service s, Set<String> scope) {
    int replicas = replicas(s);
    List<ObservedContainer> existing = in.observed().of(s.name());
    List<String> starts = new ArrayList<>();
    List<String> stops = new ArrayList<>();
    boolean anyRecreated = false;
    String hash = s.configHash();
    for (int i = replicas; i < existing.size(); i++) {
      ObservedContainer c = existing.get(existing.size() - 1 - (i - replicas));
      stops.add(stopAndRemove(c, s, "scale down to " + replicas));
    }
    int kept = Math.min(replicas, existing.size());
    List<ObservedContainer> keep = existing.subList(0, kept);
    for (ObservedContainer c : keep) {
      String why = recreateReason(c, s, hash);
      if (why != null) {
        anyRecreated = true;
        stops.add(stopAndRemove(c, s, why));
        starts.add(
            createAndStart(s, c.name(), why, Op.idOf(Op.Kind.REMOVE_CONTAINER, c.name()), scope));
      } else if (c.running() && restartingDependency(s) != null && !in.options().noStart()) {
        // depends_on.restart: true - compose stops the dependant while its dependency is recreated.
        String stop =
            plan.add(
                Op.Kind.STOP_CONTAINER,
                c.name(),
                s.name(),
                "dependency " + restartingDependency(s) + " recreated",
                List.of());
        stops.add(stop);
        List<String> deps = new ArrayList<>(startDeps(s, null, scope));
        deps.add(0, stop);
        starts.add(plan.add(Op.Kind.START_CONTAINER, c.name(), s.name(), "", deps));
      } else if (!c.running() && !in.options().noStart()) {
        starts.add(
            plan.add(
                Op.Kind.START_CONTAINER,
                c.name(),
                s.name(),
                "not running",
                startDeps(s, null, scope)));
      }
    }
    int next = existing.stream().mapToInt(ObservedContainer::number).max().orElse(0) + 1;
    for (int i = kept; i < replicas; i++) {
      starts.add(
          createAndStart(
              s,
              ContainerNames.container(p.name(), s, next++),
              existing.isEmpty() ? "" : "scale up to " + replicas,
              null,
              scope));
    }
    services.put(s.name(), new ServiceOps(starts, stops, anyRecreated));
  }

  private String recreateReason(ObservedContainer c, Service s, String hash) {
    if (c.incomplete()) {
      return "creation was not finished";
    }
    if (in.options().noRecreate()) {
      return null;
    }
    if (in.options().forceRecreate()) {
      return "forced";
    }
    List<String> selected = in.options().services();
    if (in.options().alwaysRecreateDeps() && !selected.isEmpty() && !selected.contains(s.name())) {
      return "dependency recreated (--always-recreate-deps)";
    }
    for (String parent : ServiceGraph.namespaceParents(s)) {
      if (services.containsKey(parent) && services.get(parent).recreated()) {
        return "namespace parent " + parent + " recreated";
      }
    }
    if (!c.configHash().equals(hash)) {
      return "config changed";
    }
    String localId = s.image() == null ? null : in.localImages().get(s.image());
    if (localId != null && !c.imageId().isEmpty() && !localId.equals(c.imageId())) {
      return "image changed";
    }
    return null;
  }

  /** Emits stop (if running) + remove; returns the stop id, or the remove id for stopped ones. */
  private String stopAndRemove(ObservedContainer c, Service s, String why) {
    String stop =
        c.running()
            ? plan.add(
                Op.Kind.STOP_CONTAINER,
                c.name(),
                s == null ? c.service() : s.name(),
                why,
                List.of())
            : null;
    plan.add(
        Op.Kind.REMOVE_CONTAINER,
        c.name(),
        c.service(),
        stop == null ? why : "",
        stop == null ? List.of() : List.of(stop));
    return stop == null ? Op.idOf(Op.Kind.REMOVE_CONTAINER, c.name()) : stop;
  }

  private String createAndStart(
      Service s, String name, String why, String afterRemove, Set<String> scope) {
    List<String> deps = new ArrayList<>();
    NetworkConverter.serviceNetworkKeys(p, s).forEach(k -> deps.add(networkOps.get(k)));
    s.storage()
        .volumes()
        .forEach(v -> deps.add(v.source() == null ? null : volumeOps.get(v.source())));
    deps.add(s.image() == null ? null : imageOps.get(s.image()));
    deps.add(afterRemove);
    for (String parent : ServiceGraph.namespaceParents(s)) {
      if (services.containsKey(parent)) {
        deps.addAll(services.get(parent).starts());
      }
    }
    // docker compose creates in dependency order (convergence visits dependencies first): a new
    // volume shared with a dependency is filled from the dependency's image, not the dependant's
    new TreeSet<>(s.lifecycle().dependsOn().keySet())
        .forEach(
            d -> deps.addAll(scope.contains(d) ? creates.getOrDefault(d, List.of()) : List.of()));
    String create =
        plan.add(
            Op.Kind.CREATE_CONTAINER,
            name,
            s.name(),
            why,
            deps.stream().filter(d -> d != null).distinct().toList());
    creates.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(create);
    if (in.options().noStart()) {
      return null;
    }
    return plan.add(Op.Kind.START_CONTAINER, name, s.name(), "", startDeps(s, create, scope));
  }

  /** The own create op, then each depends_on condition of services in scope. */
  private List<String> startDeps(Service s, String create, Set<String> scope) {
    List<String> deps = new ArrayList<>();
    deps.add(create);
    Map<String, ServiceLifecycle.Dependency> dependsOn = s.lifecycle().dependsOn();
    new TreeSet<>(dependsOn.keySet())
        .forEach(
            d -> {
              if (scope.contains(d) && services.containsKey(d)) {
                deps.addAll(condition(d, dependsOn.get(d)));
              }
            });
    return deps.stream().filter(d -> d != null).toList();
  }

  private List<String> condition(String dep, ServiceLifecycle.Dependency d) {
    List<String> depStarts = services.get(dep).starts().stream().filter(x -> x != null).toList();
    String cond = d.condition() == null ? ServiceLifecycle.Dependency.STARTED : d.condition();
    // required: false - the wait is its own op whose failure the executor turns into a warning.
    String reason = d.required() ? "" : Op.OPTIONAL;
    String suffix = d.required() ? "" : " (optional)";
    return switch (cond) {
      case ServiceLifecycle.Dependency.HEALTHY ->
          List.of(plan.add(Op.Kind.WAIT_HEALTHY, dep + suffix, dep, reason, depStarts));
      case ServiceLifecycle.Dependency.COMPLETED ->
          List.of(plan.add(Op.Kind.WAIT_COMPLETED, dep + suffix, dep, reason, depStarts));
      default ->
          d.required()
              ? depStarts
              : List.of(plan.add(Op.Kind.WAIT_STARTED, dep + suffix, dep, reason, depStarts));
    };
  }

  /** depends_on with restart: true on a dependency that is being recreated, or null. */
  private String restartingDependency(Service s) {
    Map<String, ServiceLifecycle.Dependency> dependsOn = s.lifecycle().dependsOn();
    return new TreeSet<>(dependsOn.keySet())
        .stream()
            .filter(
                d ->
                    dependsOn.get(d).restart()
                        && services.containsKey(d)
                        && services.get(d).recreated())
            .findFirst()
            .orElse(null);
  }

  private int replicas(Service s) {
    Integer override = in.options().scale() == null ? null : in.options().scale().get(s.name());
    if (override != null) {
      return override;
    }
    return s.lifecycle().scale();
  }

  /** Dependants stop before their dependencies (compose stops in reverse dependency order). */
  private void orderStops() {
    for (var e : services.entrySet()) {
      for (String dependant : graph.dependants(e.getKey())) {
        ServiceOps d = services.get(dependant);
        if (d == null) {
          continue;
        }
        for (String stop : e.getValue().stops()) {
          d.stops().forEach(ds -> plan.edge(stop, ds));
        }
      }
    }
  }

  private void orphans() {
    List<String> orphanNames = new ArrayList<>();
    for (ObservedContainer c : in.observed().containers()) {
      if (!c.oneoff() && !p.services().containsKey(c.service())) {
        orphanNames.add(c.name());
        if (in.options().removeOrphans()) {
          stopAndRemove(c, null, "orphan");
        }
      }
    }
    if (!orphanNames.isEmpty() && !in.options().removeOrphans()) {
      plan.warn(
          "Found orphan containers ("
              + String.join(", ", orphanNames)
              + ") for this project. If you removed or renamed"
              + " this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.");
    }
  }
}
