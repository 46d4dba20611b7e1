package dev.jcompose.scheduler.verbs;

import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.netmgr.api.NetworkInfo;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.scheduler.api.BuildOptions;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.DownOptions;
import dev.jcompose.scheduler.api.EngineVerbs;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.PsOptions;
import dev.jcompose.scheduler.api.PushOptions;
import dev.jcompose.scheduler.api.RunOptions;
import dev.jcompose.scheduler.api.UpOptions;
import dev.jcompose.scheduler.build.BuildDecider;
import dev.jcompose.scheduler.build.ServiceBuilds;
import dev.jcompose.scheduler.build.ServicePushes;
import dev.jcompose.scheduler.convert.Platforms;
import dev.jcompose.scheduler.graph.ServiceGraph;
import dev.jcompose.scheduler.names.ContainerNames;
import dev.jcompose.scheduler.names.Labels;
import dev.jcompose.scheduler.ops.ContainerActions;
import dev.jcompose.scheduler.ops.EngineContext;
import dev.jcompose.scheduler.ops.Executions;
import dev.jcompose.scheduler.ops.HookRunner;
import dev.jcompose.scheduler.ops.ImageRemoval;
import dev.jcompose.scheduler.ops.Observer;
import dev.jcompose.scheduler.ops.Progress;
import dev.jcompose.scheduler.ops.UpRunner;
import dev.jcompose.scheduler.plan.LifecyclePlanner;
import dev.jcompose.scheduler.plan.Plan;
import dev.jcompose.scheduler.plan.ReconcileInput;
import dev.jcompose.scheduler.plan.Reconciler;
import dev.jcompose.scheduler.state.ObservedContainer;
import dev.jcompose.scheduler.state.ObservedState;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The engine's in-process {@link EngineVerbs} (the verbs that need no engine are the host
 * package's): each verb observes, plans (pure) and executes the plan under the project's lock.
 * Thread-safe; verbs on different projects run concurrently.
 */
public final class LocalComposeService implements EngineVerbs {
  private final EngineContext ctx;
  private final ContainerActions actions;

  public LocalComposeService(EngineContext ctx) {
    this.ctx = ctx;
    this.actions = new ContainerActions(ctx);
  }

  @SuppressWarnings("try") // the resource is a lock (or watcher) held for the block, not used in it
  @Override
  public List<ContainerSummary> up(Project given, UpOptions options, Consumer<Event> listener) {
    Progress progress = new Progress(listener, ctx.bus(), given.name());
    checkServices(given, options.services());
    try (var lock = new Locked(ctx, given.name())) {
      Project project = ensureImages(given, scope(given, options), options.buildPolicy(), listener);
      ObservedState observed = Observer.observe(ctx, project.name());
      scope(project, options).forEach(name -> Platforms.check(project.services().get(name)));
      Plan plan =
          Reconciler.plan(
              new ReconcileInput(
                  project,
                  observed,
                  options,
                  localImages(project),
                  pulledAt(project),
                  Instant.now()));
      plan.warnings().forEach(w -> progress.emit("Project " + project.name(), "Warning", w));
      if (options.dryRun()) {
        progress.emit("Project " + project.name(), "Plan", plan.toString());
        return List.of();
      }
      Executions.run(
          ctx,
          plan,
          new UpRunner(
              ctx,
              project,
              observed.containers(),
              progress,
              options.timeoutSeconds(),
              false,
              false),
          progress);
      reportUntouched(observed, plan, progress);
      if (options.waitHealthy()) {
        Set<String> scope = scope(project, options);
        UpWaiter.await(
            ctx,
            Observer.projectContainers(ctx.runtime(), project.name()).stream()
                .filter(
                    c ->
                        scope.contains(c.labels().get(Labels.SERVICE))
                            && !"True".equals(c.labels().get(Labels.ONEOFF)))
                .toList(),
            options.waitTimeoutSeconds(),
            progress);
      }
    }
    return ps(given.name(), new PsOptions(List.of(), true, List.of()));
  }

  @SuppressWarnings("try") // the resource is a lock (or watcher) held for the block, not used in it
  @Override
  public void down(
      String projectName, Project project, DownOptions options, Consumer<Event> listener) {
    Progress progress = new Progress(listener, ctx.bus(), projectName);
    try (var lock = new Locked(ctx, projectName)) {
      List<ObservedContainer> cs =
          Observer.projectContainers(ctx.runtime(), projectName).stream()
              .map(ObservedContainer::of)
              .filter(
                  c ->
                      project == null
                          || options.removeOrphans()
                          || c.oneoff()
                          || project.services().containsKey(c.service()))
              .toList();
      List<String> nets =
          ctx.networks().list().stream()
              .filter(n -> ownedBy(n.labels(), projectName) || declared(project, n))
              .map(NetworkInfo::name)
              .toList();
      List<String> vols =
          !options.removeVolumes()
              ? List.of()
              : ctx.volumes().list().stream()
                  .filter(v -> ownedBy(v.labels(), projectName))
                  .map(v -> v.name())
                  .toList();
      Plan plan = LifecyclePlanner.down(cs, nets, vols, true);
      Executions.run(
          ctx,
          plan,
          new UpRunner(
              ctx, project, cs, progress, options.timeoutSeconds(), false, options.removeVolumes()),
          progress);
      new ImageRemoval(ctx.images(), ctx.runtime(), progress)
          .remove(ImageRemoval.selected(project, options.removeImages()));
    }
  }

  @Override
  public List<ContainerSummary> ps(String projectName, PsOptions options) {
    return Observer.projectContainers(ctx.runtime(), projectName).stream()
        .filter(c -> options.all() || c.status() == ContainerState.Status.RUNNING)
        .filter(
            c ->
                options.services() == null
                    || options.services().isEmpty()
                    || options.services().contains(c.labels().get(Labels.SERVICE)))
        .map(c -> Summaries.of(ctx, c))
        .filter(
            s ->
                options.status() == null
                    || options.status().isEmpty()
                    || options.status().contains(s.state()))
        .toList();
  }

  @SuppressWarnings("try") // the resource is a lock (or watcher) held for the block, not used in it
  @Override
  public void stop(
      String projectName, List<String> services, Integer timeoutSeconds, Consumer<Event> listener) {
    Progress progress = new Progress(listener, ctx.bus(), projectName);
    try (var lock = new Locked(ctx, projectName)) {
      List<ObservedContainer> cs = selected(projectName, services);
      Executions.run(
          ctx,
          LifecyclePlanner.down(cs, List.of(), List.of(), false),
          new UpRunner(ctx, null, cs, progress, timeoutSeconds, true, false),
          progress);
    }
  }

  @SuppressWarnings("try") // the resource is a lock (or watcher) held for the block, not used in it
  @Override
  public void start(String projectName, List<String> services, Consumer<Event> listener) {
    Progress progress = new Progress(listener, ctx.bus(), projectName);
    try (var lock = new Locked(ctx, projectName)) {
      List<ObservedContainer> cs = selected(projectName, services);
      Executions.run(
          ctx,
          LifecyclePlanner.start(cs),
          new UpRunner(ctx, null, cs, progress, null, false, false),
          progress);
    }
  }

  @Override
  public void restart(
      String projectName, List<String> services, Integer timeoutSeconds, Consumer<Event> listener) {
    // depends_on.restart: true - dependants are restarted with their dependency.
    List<String> all =
        services == null || services.isEmpty()
            ? List.of()
            : LifecyclePlanner.withRestartDependants(selected(projectName, List.of()), services);
    stop(projectName, all, timeoutSeconds, listener);
    start(projectName, all, listener);
  }

  @Override
  public void build(Project project, BuildOptions options, Consumer<Event> listener) {
    checkServices(project, options.services());
    ServiceBuilds builds = new ServiceBuilds(ctx.builds(), ctx.images(), listener, project.name());
    for (Service s :
        project.services().values().stream()
            .sorted(java.util.Comparator.comparing(Service::name))
            .toList()) {
      if (s.build() != null
          && (options.services().isEmpty() || options.services().contains(s.name()))) {
        builds.build(project, s, options);
      }
    }
  }

  @Override
  public void push(Project project, PushOptions options, Consumer<Event> listener) {
    checkServices(project, options.services());
    new ServicePushes(ctx.builds(), listener, project.name()).push(project, options);
  }

  /**
   * Builds what {@link BuildDecider} says (missing images of buildable services, or all with
   * --build) and returns the project with every buildable service's image named, as docker compose
   * names it ({@code <project>-<service>} without {@code image:}).
   */
  private Project ensureImages(
      Project project,
      java.util.Collection<String> scope,
      String policy,
      Consumer<Event> listener) {
    Project named = ImageNames.apply(project);
    var decisions = BuildDecider.decide(project, scope, localImages(named), policy);
    new ServiceBuilds(ctx.builds(), ctx.images(), listener, project.name())
        .apply(project, decisions, BuildOptions.defaults());
    return named;
  }

  @Override
  public ContainerSummary run(Project given, RunOptions options, Consumer<Event> listener) {
    if (given.service(options.service()) == null) {
      throw new ComposeException(
          ComposeException.Kind.NOT_FOUND, "no such service: " + options.service());
    }
    Set<String> deps = new ServiceGraph(given).withDependencies(List.of(options.service()));
    deps.remove(options.service());
    if (!options.noDeps() && !deps.isEmpty()) {
      up(given, UpOptions.builder().services(List.copyOf(deps)).build(), listener);
    }
    Project project = ensureImages(given, Set.of(options.service()), "missing", listener);
    Service s = project.services().get(options.service());
    Progress progress = new Progress(listener, ctx.bus(), project.name());
    UpRunner runner = new UpRunner(ctx, project, List.of(), progress, null, false, false);
    runner.ensureNetworks(s);
    ImageHandle image =
        ctx.images()
            .find(s.image())
            .orElseGet(() -> ctx.images().pull(s.image(), (r, l, ph, c, t) -> {}));
    ensureNetworks(project, s, progress);
    String name =
        options.name() != null && !options.name().isEmpty()
            ? options.name()
            : ContainerNames.oneoff(project.name(), s.name(), ContainerActions.randomHex(3));
    ContainerState st =
        actions.create(
            project,
            s,
            name,
            1,
            image,
            s.configHash(),
            options,
            runner.volumeResolver(image, name),
            progress);
    actions.start(name, st.labels(), progress);
    new HookRunner(ctx.runtime()).run(name, s.name(), s.lifecycle().postStart(), progress);
    return ctx.runtime().state(name).map(x -> Summaries.of(ctx, x)).orElseThrow();
  }

  // docker compose run makes the networks its service joins when no up made them yet
  private void ensureNetworks(Project project, Service s, Progress progress) {
    Set<String> existing = new java.util.HashSet<>();
    ctx.networks().list().forEach(n -> existing.add(n.name()));
    for (String key :
        dev.jcompose.scheduler.convert.NetworkConverter.serviceNetworkKeys(project, s)) {
      dev.jcompose.model.api.Network n = project.networks().get(key);
      String name = dev.jcompose.scheduler.convert.NetworkConverter.networkName(project, key);
      if (n != null && !n.external() && !existing.contains(name)) {
        progress.network(name, "Creating");
        ctx.networks()
            .create(dev.jcompose.scheduler.convert.NetworkConverter.networkSpec(project, n));
        progress.network(name, "Created");
      }
    }
  }

  @Override
  public int waitExit(String containerName) {
    ContainerState s =
        ctx.runtime()
            .state(containerName)
            .orElseThrow(
                () ->
                    new ComposeException(
                        ComposeException.Kind.NOT_FOUND, "no such container: " + containerName));
    if (s.status() == ContainerState.Status.EXITED && s.exit() != null) {
      return s.exit().exitCode();
    }
    return ctx.runtime().awaitExit(containerName).join().exitCode();
  }

  @Override
  public void removeContainer(String containerName, boolean force) {
    ContainerState s =
        ctx.runtime()
            .state(containerName)
            .orElseThrow(
                () ->
                    new ComposeException(
                        ComposeException.Kind.NOT_FOUND, "no such container: " + containerName));
    if (s.status() == ContainerState.Status.RUNNING && !force) {
      throw new ComposeException(
          ComposeException.Kind.CONFLICT,
          "container " + containerName + " is running: stop it first or force removal");
    }
    actions.remove(containerName, s.labels() == null ? Map.of() : s.labels(), true, Progress.NONE);
  }

  @Override
  public void events(
      String projectName, Instant since, Consumer<Event> sink, BooleanSupplier stop) {
    EventStream.stream(ctx.bus(), projectName, since, sink, stop);
  }

  private static void checkServices(Project p, List<String> services) {
    for (String s : services == null ? List.<String>of() : services) {
      if (!p.services().containsKey(s)) {
        throw new ComposeException(ComposeException.Kind.NOT_FOUND, "no such service: " + s);
      }
    }
  }

  private List<ObservedContainer> selected(String projectName, List<String> services) {
    return Observer.projectContainers(ctx.runtime(), projectName).stream()
        .map(ObservedContainer::of)
        .filter(
            c ->
                !c.oneoff()
                    && (services == null || services.isEmpty() || services.contains(c.service())))
        .toList();
  }

  private Map<String, String> localImages(Project p) {
    Map<String, String> out = new HashMap<>();
    for (Service s : p.services().values()) {
      if (s.image() != null && !out.containsKey(s.image())) {
        ctx.images()
            .find(s.image())
            .ifPresent(h -> out.put(s.image(), h.imageId() == null ? "" : h.imageId()));
      }
    }
    return out;
  }

  private Map<String, Instant> pulledAt(Project p) {
    Map<String, Instant> out = new HashMap<>();
    for (Service s : p.services().values()) {
      if (s.image() != null && !out.containsKey(s.image())) {
        ctx.images().lastPulled(s.image()).ifPresent(t -> out.put(s.image(), t));
      }
    }
    return out;
  }

  private static Set<String> scope(Project p, UpOptions o) {
    if (o.services() == null || o.services().isEmpty()) {
      return p.services().keySet();
    }
    return o.noDeps()
        ? Set.copyOf(o.services())
        : new ServiceGraph(p).withDependencies(o.services());
  }

  /** docker compose prints "Running" for containers an up left alone. */
  private static void reportUntouched(ObservedState observed, Plan plan, Progress progress) {
    Set<String> touched = new HashSet<>();
    plan.ops().forEach(o -> touched.add(o.subject()));
    observed.containers().stream()
        .filter(c -> c.running() && !c.oneoff() && !touched.contains(c.name()))
        .forEach(c -> progress.container(c.name(), "Running"));
  }

  private static boolean ownedBy(Map<String, String> labels, String project) {
    return labels != null && project.equals(labels.get(Labels.PROJECT));
  }

  private static boolean declared(Project p, NetworkInfo n) {
    return p != null
        && p.networks() != null
        && p.networks().values().stream().anyMatch(x -> !x.external() && n.name().equals(x.name()));
  }
}
