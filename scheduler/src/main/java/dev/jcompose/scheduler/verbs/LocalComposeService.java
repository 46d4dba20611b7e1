package dev.jcompose.scheduler.verbs;

import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.netmgr.api.NetworkInfo;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.scheduler.api.BuildOptions;
import dev.jcompose.scheduler.api.CallSettings;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ContainerDetails;
import dev.jcompose.scheduler.api.ContainerRef;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.DownOptions;
import dev.jcompose.scheduler.api.EngineVerbs;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.KillOptions;
import dev.jcompose.scheduler.api.NetworkDetails;
import dev.jcompose.scheduler.api.PruneOptions;
import dev.jcompose.scheduler.api.PruneReport;
import dev.jcompose.scheduler.api.PsOptions;
import dev.jcompose.scheduler.api.PushOptions;
import dev.jcompose.scheduler.api.RemoveOptions;
import dev.jcompose.scheduler.api.RunOptions;
import dev.jcompose.scheduler.api.StartOptions;
import dev.jcompose.scheduler.api.UpOptions;
import dev.jcompose.scheduler.build.BuildDecider;
import dev.jcompose.scheduler.build.ServiceBuilds;
import dev.jcompose.scheduler.build.ServicePushes;
import dev.jcompose.scheduler.convert.Platforms;
import dev.jcompose.scheduler.graph.ServiceGraph;
import dev.jcompose.scheduler.host.HostStores;
import dev.jcompose.scheduler.host.ProjectNetworks;
import dev.jcompose.scheduler.names.ContainerNames;
import dev.jcompose.scheduler.names.Labels;
import dev.jcompose.scheduler.names.NoContainer;
import dev.jcompose.scheduler.ops.ContainerActions;
import dev.jcompose.scheduler.ops.DryRun;
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
  private final HostStores stores;
  private final CallSettings settings;

  public LocalComposeService(EngineContext ctx) {
    this(
        ctx,
        new HostStores(ctx::runtime, ctx::images, ctx::volumes, CallSettings.DEFAULT),
        CallSettings.DEFAULT);
  }

  private LocalComposeService(EngineContext ctx, HostStores stores, CallSettings settings) {
    this.ctx = ctx;
    this.actions = new ContainerActions(ctx);
    this.stores = stores;
    this.settings = settings;
  }

  /**
   * This service for one call with the caller's global flags ({@code --dry-run}, {@code
   * --parallel}).
   */
  @Override
  public LocalComposeService with(CallSettings s) {
    return s.equals(settings) ? this : new LocalComposeService(ctx, stores.with(s), s);
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
      if (options.dryRun() || settings.dryRun()) {
        Executions.run(ctx, plan, null, progress, new CallSettings(true, settings.parallel()));
        return List.of();
      }
      // -V: a recreated container's anonymous volumes go with it, so its successor gets new ones
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
              options.renewAnonVolumes()),
          progress,
          settings);
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
      List<ObservedContainer> all =
          Observer.projectContainers(ctx.runtime(), projectName).stream()
              .map(ObservedContainer::of)
              .toList();
      List<ObservedContainer> cs =
          all.stream()
              .filter(
                  c ->
                      project == null
                          || options.removeOrphans()
                          || c.oneoff()
                          || project.services().containsKey(c.service()))
              .filter(c -> options.services().isEmpty() || options.services().contains(c.service()))
              .toList();
      // down SERVICE... leaves networks and named volumes while other containers of the project
      // stay
      boolean whole = options.services().isEmpty() || all.stream().allMatch(cs::contains);
      List<String> nets =
          !whole
              ? List.of()
              : ctx.networks().list().stream()
                  .filter(n -> ProjectNetworks.belongs(n, projectName, project))
                  .map(NetworkInfo::name)
                  .toList();
      List<String> vols =
          !options.removeVolumes() || !whole
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
          progress,
          settings);
      if (!settings.dryRun()) {
        new ImageRemoval(ctx.images(), ctx.runtime(), progress)
            .remove(ImageRemoval.selected(project, options.removeImages(), options.services()));
      }
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
          progress,
          settings);
    }
  }

  @SuppressWarnings("try") // the resource is a lock (or watcher) held for the block, not used in it
  @Override
  public void start(String projectName, StartOptions options, Consumer<Event> listener) {
    Progress progress = new Progress(listener, ctx.bus(), projectName);
    try (var lock = new Locked(ctx, projectName)) {
      List<ObservedContainer> cs = selected(projectName, options.services());
      if (cs.isEmpty() && !options.services().isEmpty()) {
        throw NoContainer.toStart(options.services().get(0));
      }
      Executions.run(
          ctx,
          LifecyclePlanner.start(cs),
          new UpRunner(ctx, null, cs, progress, null, false, false),
          progress,
          settings);
      if (options.waitHealthy() && !settings.dryRun()) {
        Set<String> names = new HashSet<>();
        cs.forEach(c -> names.add(c.name()));
        UpWaiter.await(
            ctx,
            Observer.projectContainers(ctx.runtime(), projectName).stream()
                .filter(c -> names.contains(c.id()))
                .toList(),
            options.waitTimeoutSeconds(),
            progress);
      }
    }
  }

  @Override
  public void restart(
      String projectName, List<String> services, Integer timeoutSeconds, Consumer<Event> listener) {
    // depends_on.restart: true - dependants are restarted with their dependency.
    List<String> all = LifecyclePlanner.toRestart(selected(projectName, List.of()), services);
    stop(projectName, all, timeoutSeconds, listener);
    start(projectName, StartOptions.of(all), listener);
  }

  @SuppressWarnings("try") // the resource is a lock (or watcher) held for the block, not used in it
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

  @SuppressWarnings("try") // the resource is a lock (or watcher) held for the block, not used in it
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
    String name =
        options.name() != null && !options.name().isEmpty()
            ? options.name()
            : ContainerNames.oneoff(project.name(), s.name(), ContainerActions.randomHex(3));
    UpRunner runner = new UpRunner(ctx, project, List.of(), progress, null, false, false);
    // docker compose makes the service's networks and volumes (and pulls its image) for a
    // one-off even when the project is not up and --no-deps skips the dependencies
    try (var lock = new Locked(ctx, project.name())) {
      ObservedState observed = Observer.observe(ctx, project.name());
      UpOptions pull = UpOptions.builder().pull(options.pull()).build();
      Plan needs =
          Reconciler.resources(
              new ReconcileInput(project, observed, pull, localImages(project)), s.name());
      Executions.run(ctx, needs, runner, progress, settings);
    }
    if (settings.dryRun()) {
      DryRun.report(progress, "Container " + name, "Started");
      return new ContainerSummary(
          "",
          name,
          project.name(),
          s.name(),
          1,
          s.image(),
          "",
          0,
          "created",
          "Created",
          "",
          0,
          List.of(),
          Map.of(),
          List.of(),
          Map.of());
    }
    ImageHandle image = runner.image(s);
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
  public void kill(String projectName, KillOptions options, Consumer<Event> listener) {
    new ContainerVerbs(ctx, settings)
        .kill(projectName, options, new Progress(listener, ctx.bus(), projectName));
  }

  @Override
  public void pause(String projectName, List<String> services, Consumer<Event> listener) {
    new ContainerVerbs(ctx, settings)
        .pause(projectName, services, new Progress(listener, ctx.bus(), projectName));
  }

  @Override
  public void unpause(String projectName, List<String> services, Consumer<Event> listener) {
    new ContainerVerbs(ctx, settings)
        .unpause(projectName, services, new Progress(listener, ctx.bus(), projectName));
  }

  @Override
  public List<String> remove(String projectName, RemoveOptions options, Consumer<Event> listener) {
    return new ContainerVerbs(ctx, settings)
        .remove(projectName, options, new Progress(listener, ctx.bus(), projectName));
  }

  @Override
  public ContainerDetails inspect(ContainerRef container) {
    return new Inspections(ctx).inspect(container);
  }

  @Override
  public List<NetworkDetails> networks(List<String> names) {
    return new Inspections(ctx).networks(names);
  }

  @Override
  public PruneReport prune(PruneOptions options, Consumer<Event> listener) {
    return new Pruning(ctx, settings, stores)
        .prune(options, new Progress(listener, ctx.bus(), null));
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
}
