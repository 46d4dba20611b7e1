package dev.jcompose.scheduler.ops;

import dev.jcompose.common.fs.AtomicFile;
import dev.jcompose.common.fs.AtomicFile.Durability;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.netmgr.api.AttachRequest;
import dev.jcompose.netmgr.api.Endpoint;
import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ContainerSpec.MountSpec;
import dev.jcompose.runtime.api.ContainerSpec.NetworkMode;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.RunOptions;
import dev.jcompose.scheduler.convert.ContainerRequest;
import dev.jcompose.scheduler.convert.ContainerSpecFactory;
import dev.jcompose.scheduler.convert.FileRefConverter.FileAttributes;
import dev.jcompose.scheduler.convert.Hashing;
import dev.jcompose.scheduler.convert.IsolationConverter;
import dev.jcompose.scheduler.convert.MountConverter;
import dev.jcompose.scheduler.convert.NetworkConverter;
import dev.jcompose.scheduler.convert.VolumesFrom;
import dev.jcompose.scheduler.names.Labels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The container steps the executor runs: create (runtime create, network attach, etc files, ports),
 * start, stop and remove. Each step publishes docker compose's progress lines.
 */
public final class ContainerActions {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final EngineContext ctx;

  public ContainerActions(EngineContext ctx) {
    this.ctx = ctx;
  }

  /** Creates the container and wires its network; it is left CREATED (not started). */
  public ContainerState create(
      Project p,
      Service s,
      String name,
      int number,
      ImageHandle image,
      String hash,
      RunOptions run,
      MountConverter.VolumeResolver volumes,
      Progress progress) {
    progress.container(name, "Creating");
    String hostId = randomHex(32);
    NetworkMode mode = networkMode(p, s);
    Path etcDir = mode.kind() == NetworkMode.Kind.JOIN ? joinedEtcDir(p, s) : ctx.etcDir(name);
    EtcWriter.prepare(etcDir);
    String ownShm =
        "shareable".equals(s.security().ipc()) ? ctx.etcDir(name).resolve("shm").toString() : null;
    var isolation =
        IsolationConverter.isolation(s, (ref, attribute) -> owner(p, ref, attribute), ownShm);
    ContainerRequest req =
        new ContainerRequest(
            p,
            s,
            name,
            number,
            image,
            hostId,
            hash,
            mode,
            etcDir,
            run,
            isolation,
            inheritedMounts(p, s));
    ContainerSpec spec =
        ContainerSpecFactory.build(
            req,
            volumes,
            (kind, target, content, attributes) ->
                writeContent(name, kind, target, content, attributes));
    long t0 = System.nanoTime();
    ContainerState state = ctx.runtime().create(spec);
    long t1 = System.nanoTime();
    try {
      wireNetwork(p, s, req, state, run);
      Files.createDirectories(ctx.wiredMarker(name).getParent());
      Files.writeString(ctx.wiredMarker(name), "");
    } catch (IOException e) {
      remove(name, state.labels(), false, Progress.NONE);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      remove(name, state.labels() == null ? Map.of() : state.labels(), false, Progress.NONE);
      throw e;
    }
    // -Djcompose.debug.timing=true shows where creation time goes (runtime vs network).
    progress.emit(
        "Container " + name,
        "Created",
        !Boolean.getBoolean("jcompose.debug.timing")
            ? ""
            : "runtime "
                + (t1 - t0) / 1_000_000
                + " ms, network "
                + (System.nanoTime() - t1) / 1_000_000
                + " ms");
    return state;
  }

  public void start(String name, Map<String, String> labels, Progress progress) {
    progress.container(name, "Starting");
    ctx.state().setUserStopped(name, false);
    ctx.runtime().start(name);
    ctx.supervisor().watch(name, labels);
    progress.container(name, "Started");
  }

  /** Stops with the container's stop signal and grace period (or {@code timeout}), then SIGKILL. */
  public void stop(
      String name,
      Map<String, String> labels,
      Integer timeoutSeconds,
      boolean byUser,
      Progress progress) {
    progress.container(name, "Stopping");
    ctx.supervisor().expectStop(name);
    if (byUser) {
      ctx.state().setUserStopped(name, true);
    }
    int signal = Signals.parse(labels.get(Labels.STOP_SIGNAL));
    Duration grace =
        timeoutSeconds != null
            ? Duration.ofSeconds(timeoutSeconds)
            : labels.containsKey(Labels.STOP_GRACE_MS)
                ? Duration.ofMillis(Long.parseLong(labels.get(Labels.STOP_GRACE_MS)))
                : Duration.ofSeconds(10);
    ctx.runtime().stop(name, signal, grace);
    progress.container(name, "Stopped");
  }

  /**
   * Removes the container, its endpoints, published ports and etc files; with volumes its anonymous
   * volumes.
   */
  public void remove(
      String name, Map<String, String> labels, boolean anonymousVolumes, Progress progress) {
    progress.container(name, "Removing");
    ctx.supervisor().expectStop(name);
    quietly(() -> ctx.networks().unpublish(name));
    // The namespace goes first: the kernel then takes the container's veths with it, batched with
    // the other removals of this down, and release only has to forget them.
    ctx.runtime().delete(name);
    quietly(() -> ctx.networks().release(name));
    quietly(() -> ctx.volumes().release(name)); // unmounts volume options it was the last user of
    deleteTree(ctx.etcDir(name));
    deleteTree(ctx.wiredMarker(name));
    ctx.supervisor().forget(name);
    if (anonymousVolumes) {
      csv(labels.get(Labels.VOLUMES)).forEach(v -> quietly(() -> ctx.volumes().remove(v)));
    }
    progress.container(name, "Removed");
  }

  private void wireNetwork(
      Project p, Service s, ContainerRequest req, ContainerState state, RunOptions run) {
    switch (req.networkMode().kind()) {
      case HOST -> EtcWriter.writeHost(req.etcDir(), s.networking(), req.hostname());
      case JOIN -> {
        /* shares the files of the namespace's owner */
      }
      case NONE -> EtcWriter.write(req.etcDir(), s.networking(), req.hostname(), null, null);
      default -> {
        List<Endpoint> endpoints = new ArrayList<>();
        boolean aliases = run == null || run.useAliases();
        Endpoint gateway = null;
        for (AttachRequest a :
            NetworkConverter.attachRequests(
                p, s, req.name(), req.hostname(), state.netnsPath(), aliases)) {
          Endpoint e = ctx.networks().attach(a);
          endpoints.add(e);
          gateway = a.defaultRoute() ? e : gateway;
        }
        Endpoint first = endpoints.isEmpty() ? null : endpoints.get(0);
        // docker's embedded DNS, on 127.0.0.11 in the container's own namespace
        String dns = first == null ? null : ctx.networks().serveDns(req.name(), state.netnsPath());
        EtcWriter.write(req.etcDir(), s.networking(), req.hostname(), first, dns);
        var ports = run != null && !run.servicePorts() ? run.publish() : s.networking().ports();
        // dockerd maps ports on the endpoint that gives the container its external connectivity
        Endpoint published = gateway != null ? gateway : first;
        if (published != null && !ports.isEmpty()) {
          ctx.networks()
              .publish(req.name(), NetworkConverter.portBindings(ports, published.ipv4Address()));
        }
      }
    }
  }

  NetworkMode networkMode(Project p, Service s) {
    dev.jcompose.model.api.NetworkMode m = s.networking().mode();
    return switch (NetworkConverter.effectiveMode(p, s)) {
      case BRIDGE -> NetworkMode.newNamespace();
      case HOST -> new NetworkMode(NetworkMode.Kind.HOST, null);
      case NONE -> new NetworkMode(NetworkMode.Kind.NONE, null);
      default ->
          new NetworkMode(
              NetworkMode.Kind.JOIN,
              ctx.runtime()
                  .state(joinTarget(p, m))
                  .filter(st -> st.netnsPath() != null)
                  .orElseThrow(
                      () ->
                          new ComposeException(
                              ComposeException.Kind.NOT_FOUND,
                              "network_mode " + m + ": no container to join"))
                  .netnsPath());
    };
  }

  /** The mounts {@code volumes_from} copies, from the first container of each service named. */
  private List<MountSpec> inheritedMounts(Project p, Service s) {
    List<MountSpec> out = new ArrayList<>();
    for (String entry : s.storage().volumesFrom()) {
      VolumesFrom.Source source = VolumesFrom.parse(entry);
      String owner = joinTarget(p, dev.jcompose.model.api.NetworkMode.parse(source.reference()));
      out.addAll(VolumesFrom.copy(source, ctx.runtime().mounts(owner)));
    }
    return out;
  }

  /** The running container whose namespaces {@code pid}/{@code ipc: service:x|container:x} join. */
  private IsolationConverter.Owner owner(Project p, String reference, String attribute) {
    String id = joinTarget(p, dev.jcompose.model.api.NetworkMode.parse(reference));
    ContainerState st =
        ctx.runtime()
            .state(id)
            .filter(x -> x.status() == ContainerState.Status.RUNNING)
            .orElseThrow(
                () ->
                    new ComposeException(
                        ComposeException.Kind.CONFLICT,
                        attribute
                            + " "
                            + reference
                            + ": cannot join the namespace of container "
                            + id
                            + ", it is not running"));
    Path shm = ctx.etcDir(id).resolve("shm");
    return new IsolationConverter.Owner(st.pid(), Files.isDirectory(shm) ? shm.toString() : null);
  }

  /** The container whose namespace {@code network_mode} names: service:x -> x's first container. */
  private String joinTarget(Project p, dev.jcompose.model.api.NetworkMode mode) {
    if (mode.kind() == dev.jcompose.model.api.NetworkMode.Kind.CONTAINER) {
      return mode.target();
    }
    if (mode.kind() == dev.jcompose.model.api.NetworkMode.Kind.SERVICE) {
      String svc = mode.target();
      return ctx.runtime().list().stream()
          .filter(
              id ->
                  ctx.runtime()
                      .state(id)
                      .map(
                          st ->
                              st.labels() != null
                                  && p.name().equals(st.labels().get(Labels.PROJECT))
                                  && svc.equals(st.labels().get(Labels.SERVICE))
                                  && !"True".equals(st.labels().get(Labels.ONEOFF)))
                      .orElse(false))
          .sorted()
          .findFirst()
          .orElseThrow(
              () ->
                  new ComposeException(
                      ComposeException.Kind.NOT_FOUND, mode + ": service has no container"));
    }
    throw new ComposeException(
        ComposeException.Kind.INVALID, "unsupported namespace reference \"" + mode + "\"");
  }

  private Path joinedEtcDir(Project p, Service s) {
    return ctx.etcDir(joinTarget(p, s.networking().mode()));
  }

  /**
   * Writes a secret's or config's inline content for one container, kept with its etc files
   * (removed with it), one file per target, with the owner and mode the reference asks for (the
   * container sees the host file through a bind mount). Created 0600 and re-moded once owned, so no
   * other user may read it meanwhile.
   */
  private Path writeContent(
      String container, String kind, String target, String content, FileAttributes attributes) {
    try {
      Path f =
          ctx.etcDir(container)
              .resolve(kind + "s")
              .resolve(Hashing.sha256Hex(target).substring(0, 16));
      Files.createDirectories(f.getParent());
      AtomicFile.write(
          f, content.getBytes(StandardCharsets.UTF_8), Durability.SYNCED, AtomicFile.PRIVATE);
      // the JDK's unix view takes ids as int and hands them to chown(2) unchanged (uid_t)
      Files.setAttribute(f, "unix:gid", (int) attributes.gid(), LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(f, "unix:uid", (int) attributes.uid(), LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(f, "unix:mode", attributes.mode(), LinkOption.NOFOLLOW_LINKS);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + kind + " for " + target, e);
    }
  }

  public static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  public static List<String> csv(String s) {
    return s == null || s.isEmpty() ? List.of() : List.of(s.split(",", -1));
  }

  private static void quietly(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException ignored) {
      // Cleanup of what may already be gone (endpoint, ports, volume in use) must not stop removal.
    }
  }

  private static void deleteTree(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // Absent already.
    }
  }
}
