package dev.jcompose.scheduler.ops;

import dev.jcompose.model.api.Network;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceLifecycle;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.convert.MountConverter;
import dev.jcompose.scheduler.convert.NetworkConverter;
import dev.jcompose.scheduler.exec.OpRunner;
import dev.jcompose.scheduler.host.PullEvents;
import dev.jcompose.scheduler.names.Labels;
import dev.jcompose.scheduler.plan.Op;
import dev.jcompose.scheduler.state.ObservedContainer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Runs the operations of an {@code up} plan (and of down/stop/start plans, which use a subset). */
public final class UpRunner implements OpRunner {
  private final EngineContext ctx;
  private final ContainerActions actions;
  private final Project project;
  private final Progress progress;
  private final Integer timeoutSeconds;
  private final Map<String, Map<String, String>> labels = new ConcurrentHashMap<>();
  private final Set<String> freshVolumes = ConcurrentHashMap.newKeySet();
  private final boolean userStop;
  private final boolean removeAnonymousVolumes;

  public UpRunner(
      EngineContext ctx,
      Project project,
      List<ObservedContainer> observed,
      Progress progress,
      Integer timeoutSeconds,
      boolean userStop,
      boolean removeAnonymousVolumes) {
    this.ctx = ctx;
    this.actions = new ContainerActions(ctx);
    this.project = project;
    this.progress = progress;
    this.timeoutSeconds = timeoutSeconds;
    this.userStop = userStop;
    this.removeAnonymousVolumes = removeAnonymousVolumes;
    observed.forEach(c -> labels.put(c.name(), c.labels()));
  }

  @Override
  public CompletionStage<Void> run(Op op) {
    String subject = op.subject();
    switch (op.kind()) {
      case CREATE_NETWORK -> createNetwork(subject);
      case CREATE_VOLUME -> createVolume(subject);
      case PULL_IMAGE -> pull(subject);
      case STOP_CONTAINER -> {
        hooks(subject, ServiceLifecycle::preStop);
        actions.stop(subject, labelsOf(subject), timeoutSeconds, userStop, progress);
      }
      case REMOVE_CONTAINER ->
          actions.remove(subject, labelsOf(subject), removeAnonymousVolumes, progress);
      case CREATE_CONTAINER -> createContainer(op);
      case START_CONTAINER -> {
        actions.start(subject, labelsOf(subject), progress);
        hooks(subject, ServiceLifecycle::postStart);
      }
      case WAIT_STARTED -> {
        /* its dependencies (the starts) are the condition */
      }
      case WAIT_HEALTHY -> {
        return waitHealthy(op.service());
      }
      case WAIT_COMPLETED -> {
        return waitCompleted(op.service());
      }
      case REMOVE_NETWORK -> {
        progress.network(subject, "Removing");
        ctx.networks().remove(subject);
        progress.network(subject, "Removed");
      }
      case REMOVE_VOLUME -> {
        progress.volume(subject, "Removing");
        removeVolume(subject);
        progress.volume(subject, "Removed");
      }
      default -> throw new IllegalStateException("unknown op " + op);
    }
    return CompletableFuture.completedFuture(null);
  }

  /**
   * An anonymous volume is listed with the project's volumes but already went with its container
   * (down -v removes both): gone is the state asked for, not an error.
   */
  private void removeVolume(String name) {
    try {
      ctx.volumes().remove(name);
    } catch (ContainerException e) {
      if (e.kind() != ContainerException.Kind.NOT_FOUND) {
        throw e;
      }
    }
  }

  /**
   * The service's post_start or pre_stop hooks, run in the container when the project is known (up,
   * run, down with the compose file) and the container runs, as docker compose does.
   */
  private void hooks(
      String container, Function<ServiceLifecycle, List<ServiceLifecycle.Hook>> which) {
    if (project == null) {
      return;
    }
    String serviceName = labelsOf(container).get(Labels.SERVICE);
    Service s = serviceName == null ? null : project.service(serviceName);
    boolean running =
        ctx.runtime()
            .state(container)
            .map(st -> st.status() == ContainerState.Status.RUNNING)
            .orElse(false);
    if (s != null && running && !which.apply(s.lifecycle()).isEmpty()) {
      new HookRunner(ctx.runtime()).run(container, s.name(), which.apply(s.lifecycle()), progress);
    }
  }

  private Map<String, String> labelsOf(String container) {
    return labels.computeIfAbsent(
        container, c -> ctx.runtime().state(c).map(ContainerState::labels).orElse(Map.of()));
  }

  /**
   * The project networks {@code s} attaches to that do not exist yet ({@code run} after a {@code
   * down}).
   */
  public void ensureNetworks(Service s) {
    List<String> existing = ctx.networks().list().stream().map(n -> n.name()).toList();
    NetworkConverter.serviceNetworkKeys(project, s).stream()
        .filter(k -> project.networks().get(k) == null || !project.networks().get(k).external())
        .map(k -> NetworkConverter.networkName(project, k))
        .filter(n -> !existing.contains(n))
        .forEach(this::createNetwork);
  }

  private void createNetwork(String name) {
    Network n =
        project.networks().values().stream()
            .filter(x -> name.equals(x.name()))
            .findFirst()
            .orElseThrow(
                () ->
                    new ComposeException(
                        ComposeException.Kind.NOT_FOUND, "network " + name + " not in project"));
    progress.network(name, "Creating");
    ctx.networks().create(NetworkConverter.networkSpec(project, n));
    progress.network(name, "Created");
  }

  private void createVolume(String name) {
    progress.volume(name, "Creating");
    if (ctx.volumes()
        .ensure(name, Map.of(Labels.PROJECT, project.name(), Labels.VOLUME, name), driverOpts(name))
        .created()) {
      freshVolumes.add(name);
    }
    progress.volume(name, "Created");
  }

  /** The local driver's options of a project volume by engine name (none for an anonymous one). */
  private Map<String, String> driverOpts(String name) {
    return project.volumes().values().stream()
        .filter(v -> name.equals(v.name()))
        .findFirst()
        .map(v -> v.driverOpts() == null ? Map.<String, String>of() : v.driverOpts())
        .orElse(Map.of());
  }

  private boolean external(String name) {
    return project.volumes().values().stream().anyMatch(v -> name.equals(v.name()) && v.external());
  }

  private void pull(String ref) {
    progress.image(ref, "Pulling", "");
    ctx.images().pull(ref, new PullEvents(ref, progress::send));
    progress.image(ref, "Pulled", "");
  }

  private void createContainer(Op op) {
    Service s = project.services().get(op.service());
    ImageHandle image = image(s);
    ContainerState st =
        actions.create(
            project,
            s,
            op.subject(),
            number(op.subject()),
            image,
            s.configHash(),
            null,
            volumeResolver(image, op.subject()),
            progress);
    labels.put(op.subject(), st.labels() == null ? Map.of() : st.labels());
  }

  public ImageHandle image(Service s) {
    if (s.image() == null) {
      throw new ComposeException(
          ComposeException.Kind.INVALID,
          "service \"" + s.name() + "\" has no image (build is not supported)");
    }
    return ctx.images()
        .find(s.image())
        .orElseThrow(
            () ->
                new ComposeException(
                    ComposeException.Kind.NOT_FOUND,
                    "image "
                        + s.image()
                        + " for service \""
                        + s.name()
                        + "\" is not present locally"));
  }

  /**
   * Resolves the volumes of container {@code container}: an external one must exist (docker compose
   * refuses it otherwise), a project one is made if missing; a volume with driver options gets them
   * mounted for the container's use.
   */
  public MountConverter.VolumeResolver volumeResolver(ImageHandle image, String container) {
    return (name, anonymous, target, nocopy) -> {
      if (!anonymous && external(name) && ctx.volumes().find(name).isEmpty()) {
        throw new ComposeException(
            ComposeException.Kind.NOT_FOUND, "external volume \"" + name + "\" not found");
      }
      Map<String, String> l =
          anonymous
              ? Map.of(Labels.PROJECT, project.name(), Labels.ANONYMOUS, "true")
              : Map.of(Labels.PROJECT, project.name(), Labels.VOLUME, name);
      var info = ctx.volumes().ensure(name, l, anonymous ? Map.of() : driverOpts(name));
      var use = ctx.volumes().use(name, container);
      boolean announced = freshVolumes.remove(name); // always forget the announcement
      boolean fresh = info.created() || announced || use.mounted();
      if (fresh && !nocopy) {
        // Docker copies the image's content at the mount point into a new (or newly mounted, empty)
        // volume.
        ctx.volumes().populateFromImage(name, image, target);
      }
      return use.dataDir();
    };
  }

  private CompletionStage<Void> waitHealthy(String service) {
    List<ContainerState> cs = Observer.serviceContainers(ctx.runtime(), project.name(), service);
    cs.forEach(c -> progress.container(c.id(), "Waiting"));
    return CompletableFuture.allOf(
        cs.stream()
            .map(
                c ->
                    ctx.health()
                        .awaitHealthy(c.id(), c.labels())
                        .thenRun(() -> progress.container(c.id(), "Healthy")))
            .toArray(CompletableFuture[]::new));
  }

  private CompletionStage<Void> waitCompleted(String service) {
    List<ContainerState> cs = Observer.serviceContainers(ctx.runtime(), project.name(), service);
    return CompletableFuture.allOf(
        cs.stream()
            .map(
                c ->
                    ctx.runtime()
                        .awaitExit(c.id())
                        .thenAccept(
                            exit -> {
                              if (exit.exitCode() != 0) {
                                throw new ComposeException(
                                    ComposeException.Kind.UNAVAILABLE,
                                    "service \""
                                        + service
                                        + "\" didn't complete successfully: exit "
                                        + exit.exitCode());
                              }
                              progress.container(c.id(), "Exited");
                            }))
            .toArray(CompletableFuture[]::new));
  }

  static int number(String containerName) {
    int dash = containerName.lastIndexOf('-');
    try {
      return dash < 0 ? 1 : Integer.parseInt(containerName.substring(dash + 1));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
