package dev.jcompose.scheduler.testing;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.ContainerStats;
import dev.jcompose.runtime.api.ExecSession;
import dev.jcompose.runtime.api.ExecSpec;
import dev.jcompose.runtime.api.ExitStatus;
import dev.jcompose.runtime.api.FileTree;
import dev.jcompose.runtime.api.ProcessInfo;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory runtime that records calls; tests crash containers and script healthchecks. */
public final class FakeRuntime implements ContainerRuntime {
  /** One container's mutable state. */
  public static final class C {
    public final ContainerSpec spec;
    public volatile ContainerState.Status status = ContainerState.Status.CREATED;
    public volatile Instant startedAt;
    public volatile Instant finishedAt;
    public volatile ExitStatus exit;
    public volatile CompletableFuture<ExitStatus> exitFuture = new CompletableFuture<>();
    public final Instant createdAt = Instant.now();
    public volatile boolean paused;

    C(ContainerSpec spec) {
      this.spec = spec;
    }
  }

  public final Map<String, C> containers = new ConcurrentHashMap<>();
  public final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  /** Containers whose healthcheck passes. */
  public final Set<String> healthy = ConcurrentHashMap.newKeySet();

  public final Map<String, Integer> starts = new ConcurrentHashMap<>();

  @Override
  public ContainerState create(ContainerSpec spec) {
    calls.add("create " + spec.id());
    if (containers.putIfAbsent(spec.id(), new C(spec)) != null) {
      throw new ContainerException(
          ContainerException.Kind.CONFLICT, "container " + spec.id() + " already exists");
    }
    return state(spec.id()).orElseThrow();
  }

  @Override
  public synchronized ContainerState start(String id) {
    calls.add("start " + id);
    C c = get(id);
    if (c.status != ContainerState.Status.RUNNING) {
      c.exitFuture = new CompletableFuture<>();
      c.status = ContainerState.Status.RUNNING;
      c.startedAt = Instant.now();
      starts.merge(id, 1, Integer::sum);
    }
    return state(id).orElseThrow();
  }

  /** The process exits by itself with {@code code}. */
  public synchronized void crash(String id, int code) {
    C c = get(id);
    c.status = ContainerState.Status.EXITED;
    c.finishedAt = Instant.now();
    c.exit = new ExitStatus(code, 0, false);
    c.exitFuture.complete(c.exit);
  }

  @Override
  public void kill(String id, int signal) {
    crash(id, 128 + signal);
  }

  @Override
  public ExitStatus stop(String id, int signal, Duration grace) {
    calls.add("stop " + id + " " + signal);
    C c = get(id);
    if (c.status == ContainerState.Status.RUNNING) {
      crash(id, 128 + signal);
    }
    return c.exit;
  }

  @Override
  public Optional<ContainerState> state(String id) {
    C c = containers.get(id);
    if (c == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ContainerState(
            id,
            c.status,
            c.status == ContainerState.Status.RUNNING ? 1000 : 0,
            Path.of("/run/fake/" + id + "/netns"),
            Path.of("/logs/" + id),
            c.createdAt,
            c.startedAt,
            c.finishedAt,
            c.exit,
            c.spec.labels(),
            c.paused && c.status == ContainerState.Status.RUNNING));
  }

  @Override
  public CompletableFuture<ExitStatus> awaitExit(String id) {
    C c = get(id);
    return c.status == ContainerState.Status.EXITED
        ? CompletableFuture.completedFuture(c.exit)
        : c.exitFuture.copy();
  }

  @Override
  public void delete(String id) {
    calls.add("delete " + id);
    C c = containers.remove(id);
    if (c != null && c.status == ContainerState.Status.RUNNING) {
      c.exitFuture.complete(new ExitStatus(137, 9, false));
    }
  }

  @Override
  public List<ContainerSpec.MountSpec> mounts(String id) {
    C c = containers.get(id);
    return c == null ? List.of() : c.spec.mounts();
  }

  @Override
  public List<String> list() {
    return containers.keySet().stream().sorted().toList();
  }

  @Override
  public java.nio.file.Path upperDir(String id) {
    throw new UnsupportedOperationException("the fake runtime keeps no filesystem changes");
  }

  @Override
  public ExecSession exec(String id, ExecSpec spec) {
    int code = healthy.contains(id) ? 0 : 1;
    return new ExecSession() {
      @Override
      public OutputStream stdin() {
        return OutputStream.nullOutputStream();
      }

      @Override
      public InputStream stdout() {
        return new ByteArrayInputStream(("probe " + code + "\n").getBytes());
      }

      @Override
      public InputStream stderr() {
        return InputStream.nullInputStream();
      }

      @Override
      public CompletableFuture<Integer> exitCode() {
        return CompletableFuture.completedFuture(code);
      }
    };
  }

  @Override
  public ExecSession attach(String id) {
    throw new UnsupportedOperationException("attach is proven end to end");
  }

  @Override
  public ContainerSpec spec(String id) {
    return get(id).spec;
  }

  @Override
  public void pause(String id) {
    calls.add("pause " + id);
    get(id).paused = true;
  }

  @Override
  public void unpause(String id) {
    calls.add("unpause " + id);
    get(id).paused = false;
  }

  @Override
  public ContainerStats stats(String id) {
    return new ContainerStats(Instant.now(), 1_000_000, 1024, 2048, 1, 0, 0, 0, 0);
  }

  @Override
  public List<ProcessInfo> processes(String id) {
    return List.of(new ProcessInfo(0, 1000, 999, 0, Instant.EPOCH, "?", 0, "sleep infinity"));
  }

  @Override
  public FileTree files(String id) {
    throw new UnsupportedOperationException("file trees are proven by root tests");
  }

  @Override
  public FileTree hostFiles() {
    throw new UnsupportedOperationException("file trees are proven by root tests");
  }

  @Override
  public List<FileChange> changes(String id) {
    return List.of(new FileChange('A', "/new"));
  }

  @Override
  public void exportChanges(String id, OutputStream tar) {
    throw new UnsupportedOperationException("commit is proven end to end");
  }

  @Override
  public long writableSize(String id) {
    return 4096;
  }

  private C get(String id) {
    C c = containers.get(id);
    if (c == null) {
      throw new ContainerException(ContainerException.Kind.NOT_FOUND, "no such container " + id);
    }
    return c;
  }
}
