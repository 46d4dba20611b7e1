package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ContainerSpec.LogConfig;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.ContainerState.Status;
import dev.jcompose.runtime.api.ContainerStats;
import dev.jcompose.runtime.api.ExecSession;
import dev.jcompose.runtime.api.ExecSpec;
import dev.jcompose.runtime.api.ExitStatus;
import dev.jcompose.runtime.api.FileTree;
import dev.jcompose.runtime.api.ProcessInfo;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.cgroup.CgroupDriver;
import dev.jcompose.runtime.cgroup.CgroupStats;
import dev.jcompose.runtime.fs.ChangeScanner;
import dev.jcompose.runtime.fs.RootedTree;
import dev.jcompose.runtime.fs.TreeSize;
import dev.jcompose.runtime.shim.ShimAttach;
import dev.jcompose.runtime.shim.ShimBinary;
import dev.jcompose.runtime.shim.ShimClient;
import dev.jcompose.runtime.shim.ShimError;
import dev.jcompose.runtime.shim.ShimLauncher;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@link ContainerRuntime} on Linux with jcshim as each container's monitor. Thread-safe: lifecycle
 * calls on one container are serialised by a per-id lock. All state lives on disk (record, exit
 * file, monitor socket), so a new instance re-adopts containers created by an earlier engine.
 */
public final class LinuxContainerRuntime implements ContainerRuntime {
  private static final Pattern ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration KILL_TIMEOUT = Duration.ofSeconds(5);
  private static final long FINAL_WAIT_S = 30;
  private static final int SIGKILL = 9;

  private final RuntimePaths paths;
  private final LogLimits logLimits;
  private final CgroupDriver cgroups;
  private final ShimLauncher shim;
  private final RecordStore store = new RecordStore();
  private final StateObserver observer;
  private final ExitWaiter waiter = new ExitWaiter();
  // made on first use: the kernel door loads libc bindings (jnr: ~0.1 s of class generation) and
  // the monitor table makes the process a subreaper, which a CLI reading state needs neither of
  private volatile MonitorExits monitors;
  private final ExecLauncher execs;
  private final ProcTable proc = ProcTable.host();
  private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

  public LinuxContainerRuntime(RuntimePaths paths, CgroupDriver cgroups) {
    this(paths, cgroups, LogLimits.defaults());
  }

  public LinuxContainerRuntime(RuntimePaths paths, CgroupDriver cgroups, LogLimits logLimits) {
    this.paths = paths;
    this.logLimits = logLimits;
    // this engine's groups only: another engine's containers of the same names have their own
    this.cgroups = cgroups.forInstance(paths.dataRoot());
    this.shim = new ShimLauncher(() -> ShimBinary.install(paths.dataRoot()));
    this.observer = new StateObserver(this::cgroupsOf);
    this.execs = new ExecLauncher(shim, this::cgroupsOf);
  }

  private MonitorExits monitors() {
    MonitorExits m = monitors;
    if (m == null) {
      synchronized (this) {
        m = monitors;
        if (m == null) {
          m = new MonitorExits(NativeOps.real());
          monitors = m;
        }
      }
    }
    return m;
  }

  @Override
  public ContainerState create(ContainerSpec spec) {
    if (spec.id() == null || !ID.matcher(spec.id()).matches()) {
      throw new ContainerException(Kind.INVALID, "invalid container id '" + spec.id() + "'");
    }
    synchronized (lock(spec.id())) {
      ContainerDirs dirs = dirs(spec.id());
      if (Files.exists(dirs.state())) {
        throw new ContainerException(Kind.CONFLICT, "container " + spec.id() + " already exists");
      }
      if (Files.exists(dirs.data()) || Files.exists(dirs.run())) {
        // remains of a create that died before its record was written (engine killed mid-up):
        // nothing references them, so clear them rather than block this id forever
        removeQuietly(spec.id(), dirs);
      }
      try {
        ProcessIdentity identity = ContainerPreparer.prepare(spec, dirs);
        ContainerRecord rec =
            ContainerRecord.created(
                spec,
                identity,
                Instant.now().toString(),
                cgroupsOf(spec).groupOf(spec.id()).toString());
        store.write(
            dirs.state(), rec); // durable: the spec must survive a reboot (restart policies)
        if (spec.isolation().shareableShm()) {
          SharedShm.mount(NativeOps.real(), Path.of(spec.isolation().ipcShmPath()), shmBytes(spec));
        }
        rec = launch(rec, dirs, true);
        return observer.observe(rec, dirs);
      } catch (IOException | RuntimeException e) {
        removeQuietly(spec.id(), dirs);
        throw e instanceof ContainerException ce
            ? ce
            : new ContainerException(
                Kind.INTERNAL, "create container " + spec.id() + ": " + e.getMessage(), e);
      }
    }
  }

  /** Spawns a monitor with the init waiting before exec; records the new run (not yet started). */
  private ContainerRecord launch(ContainerRecord rec, ContainerDirs dirs, boolean firstRun)
      throws IOException {
    String id = rec.spec().id();
    Files.deleteIfExists(dirs.exitFile());
    CgroupDriver cgroups = cgroupsOf(rec);
    cgroups.create(
        id,
        rec.spec().resources() == null ? ContainerSpec.Resources.none() : rec.spec().resources());
    cgroups.allowDevices(id, DeviceAllowList.of(rec.spec()));
    HostView host = HostView.of(cgroups.procsFiles(id), ShimBinary.init(paths.dataRoot()));
    LogConfig log = logConfig(rec.spec());
    InitConfigBuilder.build(rec, dirs, host, ContainerPreparer.layerCount(rec.spec()), firstRun)
        .put("log-max-size", log.maxBytes())
        .put("log-max-files", log.maxFiles())
        .put("log-compress", log.compress() ? 1 : 0)
        .writeTo(dirs.config());
    MonitorExits exits = monitors(); // a subreaper before the shim orphans the monitor
    int pid = shim.create(dirs.config());
    exits.launched(id, pid);
    ContainerRecord next = rec.withRun(pid, null, cgroups.oomKillCount(id));
    store.write(dirs.state(), next, false); // run details die with the processes at reboot anyway
    return next;
  }

  @Override
  public ContainerState start(String id) {
    synchronized (lock(id)) {
      ContainerDirs dirs = dirs(id);
      ContainerRecord rec = load(id);
      Status status = observer.observe(rec, dirs).status();
      if (status == Status.RUNNING) {
        return observer.observe(rec, dirs);
      }
      try {
        if (status == Status.EXITED) {
          rec = launch(rec, dirs, false);
        }
        String reply = ShimClient.request(dirs.socket(), "start", START_TIMEOUT);
        ShimError err = ShimError.parse(reply);
        if (err != null || reply == null) {
          settle(id); // the init is exiting: report EXITED, not CREATED, once we throw
          throw err != null
              ? err.toException("start container " + id)
              : new ContainerException(
                  Kind.INTERNAL, "start container " + id + ": monitor closed the connection");
        }
        rec = rec.withRun(rec.pid(), Instant.now().toString(), rec.oomBase());
        store.write(dirs.state(), rec, false);
        return observer.observe(rec, dirs);
      } catch (IOException e) {
        throw new ContainerException(
            Kind.INTERNAL, "start container " + id + ": " + e.getMessage(), e);
      }
    }
  }

  private void settle(String id) {
    try {
      awaitExit(id).get(FINAL_WAIT_S, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // the error being reported matters more than the exit status
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void kill(String id, int signal) {
    ContainerDirs dirs = dirs(id);
    load(id);
    try {
      ShimError err =
          ShimError.parse(ShimClient.request(dirs.socket(), "kill " + signal, KILL_TIMEOUT));
      if (err != null) {
        throw new ContainerException(Kind.CONFLICT, "kill container " + id + ": " + err.message());
      }
      // a frozen process only receives its signal once thawed: kill and stop of a paused
      // container take effect, as docker's do
      CgroupDriver groups = cgroupsOf(id);
      if (groups.frozen(id)) {
        groups.thaw(id);
      }
    } catch (IOException e) {
      if (signal != SIGKILL) {
        throw new ContainerException(Kind.CONFLICT, "container " + id + " is not running");
      }
      cgroupsOf(id).killAll(id); // monitor gone: whatever is left in the group still dies
    }
  }

  @Override
  public ExitStatus stop(String id, int signal, Duration grace) {
    CompletableFuture<ExitStatus> exit = awaitExit(id);
    if (exit.isDone()) {
      return exit.join();
    }
    killQuietly(id, signal);
    try {
      return exit.get(Math.max(0, grace.toMillis()), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      killQuietly(id, SIGKILL);
      cgroupsOf(id).killAll(id);
      return waitFinal(id, exit);
    } catch (InterruptedException | ExecutionException e) {
      throw interrupted(id, e);
    }
  }

  private ExitStatus waitFinal(String id, CompletableFuture<ExitStatus> exit) {
    try {
      return exit.get(FINAL_WAIT_S, TimeUnit.SECONDS);
    } catch (TimeoutException | InterruptedException | ExecutionException e) {
      throw interrupted(id, e);
    }
  }

  private static ContainerException interrupted(String id, Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    return new ContainerException(Kind.INTERNAL, "container " + id + " did not exit: " + e, e);
  }

  private void killQuietly(String id, int signal) {
    try {
      kill(id, signal);
    } catch (ContainerException e) {
      // already exited between the check and the kill
    }
  }

  @Override
  public Optional<ContainerState> state(String id) {
    ContainerDirs dirs = dirs(id);
    return store.read(dirs.state()).map(rec -> observer.observe(rec, dirs));
  }

  @Override
  public CompletableFuture<ExitStatus> awaitExit(String id) {
    ContainerDirs dirs = dirs(id);
    ContainerRecord rec = load(id);
    // complete only once the monitor is gone too: whoever waits for an exit (stop, delete, run
    // --rm) must not find a process of the container left on the host afterwards
    return waiter
        .await(dirs, () -> observer.observe(store.read(dirs.state()).orElse(rec), dirs))
        .thenApply(
            exit -> {
              monitors().awaitGone(id);
              return exit;
            });
  }

  @Override
  public void delete(String id) {
    synchronized (lock(id)) {
      ContainerDirs dirs = dirs(id);
      if (store.read(dirs.state()).isEmpty()
          && (Files.exists(dirs.data()) || Files.exists(dirs.run()))) {
        removeQuietly(id, dirs); // remains of a create interrupted by an engine crash
        return;
      }
      load(id);
      if (state(id).map(s -> s.status() != Status.EXITED).orElse(false)) {
        killQuietly(id, SIGKILL);
        cgroupsOf(id).killAll(id);
        waitFinal(id, awaitExit(id));
      }
      monitors().awaitGone(id); // also when it had exited before: its monitor may be finishing
      removeQuietly(id, dirs);
    }
    locks.remove(id);
  }

  /**
   * The spec's log settings, else the runtime's default rotation. With the {@code none} driver the
   * output only feeds attached clients: 1 MiB, truncated when full.
   */
  private LogConfig logConfig(ContainerSpec spec) {
    LogConfig l = spec.logging();
    if (l == null) {
      return new LogConfig(
          LogConfig.Driver.JSON_FILE, logLimits.maxBytes(), logLimits.maxFiles(), false);
    }
    return l.driver() == LogConfig.Driver.NONE
        ? new LogConfig(LogConfig.Driver.NONE, 1L << 20, 1, false)
        : l;
  }

  /** The cgroup driver placing this container's groups (under its cgroup_parent, if any). */
  private CgroupDriver cgroupsOf(ContainerSpec spec) {
    String parent = spec.isolation().cgroupParent();
    return parent == null || parent.isBlank() ? cgroups : cgroups.under(parent);
  }

  /**
   * The driver of a container's groups: at the group its record names, else (a record of an engine
   * before the group was recorded) where that engine put it. Under a cgroup_parent that has always
   * been dockerd's {@code <parent>/<id>}; under {@code jcompose/} it was {@code <id>} before the
   * instance suffix and {@code <id>-<instance>} since, so the suffixed group is taken when it
   * exists and the plain one otherwise.
   */
  private CgroupDriver cgroupsOf(ContainerRecord rec) {
    String id = rec.spec().id();
    CgroupDriver named = cgroupsOf(rec.spec());
    if (rec.cgroup() != null) {
      return named.withGroup(id, Path.of(rec.cgroup()));
    }
    String parent = rec.spec().isolation().cgroupParent();
    if ((parent != null && !parent.isBlank()) || named.exists(id)) {
      return named;
    }
    return named.withGroup(id, named.groupOf(id).resolveSibling(id));
  }

  private CgroupDriver cgroupsOf(String id) {
    return store.read(dirs(id).state()).map(this::cgroupsOf).orElse(cgroups);
  }

  private static long shmBytes(ContainerSpec spec) {
    return spec.shmSizeBytes() == null ? DockerDefaults.DEFAULT_SHM_BYTES : spec.shmSizeBytes();
  }

  /**
   * Best-effort teardown used by delete and by a failed create: nothing may be left behind. An
   * engine killed while a monitor was being spawned leaves a record that never got its pid, and an
   * init waiting in the container's groups: whatever is in them dies first (its monitor then exits
   * by itself), or the groups could not be removed.
   */
  private void removeQuietly(String id, ContainerDirs dirs) {
    if (Files.exists(dirs.netns())) {
      // in-process: one system call, safe from any thread (unlike setns), no jcshim fork per
      // container
      try {
        NativeOps.real().detachMount(dirs.netns());
      } catch (IOException e) {
        throw new ContainerException(Kind.INTERNAL, e.getMessage(), e);
      }
    }
    Optional<ContainerRecord> rec = store.read(dirs.state());
    rec.map(ContainerRecord::spec)
        .filter(s -> s.isolation().shareableShm())
        .ifPresent(s -> SharedShm.unmount(NativeOps.real(), Path.of(s.isolation().ipcShmPath())));
    CgroupDriver groups = rec.map(this::cgroupsOf).orElse(cgroups);
    try {
      groups.killAll(id);
    } catch (RuntimeException e) {
      // groups that never existed are fine
    }
    try {
      groups.delete(id);
    } catch (RuntimeException e) {
      // groups that never existed are fine
    }
    ContainerTrees.deleteRecursively(dirs.run());
    ContainerTrees.deleteRecursively(dirs.data());
  }

  @Override
  public List<ContainerSpec.MountSpec> mounts(String id) {
    return store.read(dirs(id).state()).map(r -> r.spec().mounts()).orElse(List.of());
  }

  @Override
  public List<String> list() {
    Path root = paths.containers();
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("state.json")))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ContainerException(Kind.INTERNAL, "cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Path upperDir(String id) {
    load(id);
    return dirs(id).upper();
  }

  @Override
  public ExecSession exec(String id, ExecSpec spec) {
    ContainerDirs dirs = dirs(id);
    ContainerRecord rec = load(id);
    ContainerState st = observer.observe(rec, dirs);
    if (st.status() != Status.RUNNING) {
      throw new ContainerException(Kind.CONFLICT, "container " + id + " is not running");
    }
    return execs.exec(rec, dirs, st.pid(), spec);
  }

  @Override
  public ExecSession attach(String id) {
    ContainerDirs dirs = dirs(id);
    if (load(id).pid() == 0) {
      // the record is written before its monitor runs; until the pid is in it the state reads
      // as exited, so an exit wait begun now would end at once
      throw new ContainerException(Kind.NOT_FOUND, "container " + id + " is still being created");
    }
    ShimAttach a;
    try {
      a = ShimAttach.open(dirs.socket());
    } catch (IOException e) {
      throw new ContainerException(
          Kind.NOT_FOUND, "cannot attach to container " + id + ": " + e.getMessage(), e);
    }
    CompletableFuture<Integer> exit = awaitExit(id).thenApply(ExitStatus::exitCode);
    return new ExecSession() {
      @Override
      public OutputStream stdin() {
        return a.stdin();
      }

      @Override
      public InputStream stdout() {
        return a.stdout();
      }

      @Override
      public InputStream stderr() {
        return a.stderr();
      }

      @Override
      public CompletableFuture<Integer> exitCode() {
        return exit;
      }
    };
  }

  @Override
  public ContainerSpec spec(String id) {
    return load(id).spec();
  }

  @Override
  public void pause(String id) {
    synchronized (lock(id)) {
      ContainerState st = running(id);
      if (st.paused()) {
        throw new ContainerException(Kind.CONFLICT, "container " + id + " is already paused");
      }
      cgroupsOf(id).freeze(id);
    }
  }

  @Override
  public void unpause(String id) {
    synchronized (lock(id)) {
      if (!running(id).paused()) {
        throw new ContainerException(Kind.CONFLICT, "container " + id + " is not paused");
      }
      cgroupsOf(id).thaw(id);
    }
  }

  @Override
  public ContainerStats stats(String id) {
    ContainerState st = running(id);
    CgroupStats c = cgroupsOf(id).stats(id);
    long[] net =
        load(id).spec().network().kind() == ContainerSpec.NetworkMode.Kind.HOST
            ? new long[2]
            : proc.network(st.pid());
    long limit = c.memoryLimit() >= 0 ? c.memoryLimit() : proc.hostMemory();
    return new ContainerStats(
        Instant.now(),
        c.cpuNanos(),
        c.memoryUsage(),
        limit,
        c.pids(),
        c.blockRead(),
        c.blockWrite(),
        net[0],
        net[1]);
  }

  @Override
  public List<ProcessInfo> processes(String id) {
    running(id);
    return proc.processes(cgroupsOf(id).pids(id), Instant.now());
  }

  @Override
  public FileTree files(String id) {
    return RootedTree.open(
        NativeOps.real(),
        Path.of("/proc", Integer.toString(running(id).pid()), "root"),
        "container " + id);
  }

  @Override
  public FileTree hostFiles() {
    return RootedTree.open(NativeOps.real(), Path.of("/"), "the host");
  }

  @Override
  public List<FileChange> changes(String id) {
    ContainerRecord rec = load(id);
    try {
      return ChangeScanner.scan(NativeOps.real(), dirs(id).upper(), rec.spec().image().layerDirs());
    } catch (IOException e) {
      throw new ContainerException(
          Kind.INTERNAL, "cannot read the changes of container " + id + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void exportChanges(String id, OutputStream tar) {
    load(id);
    try (RootedTree upper =
        RootedTree.open(NativeOps.real(), dirs(id).upper(), "the changes of container " + id)) {
      upper.archiveLayer(tar);
    }
  }

  @Override
  public long writableSize(String id) {
    load(id);
    return TreeSize.of(NativeOps.real(), dirs(id).upper());
  }

  private ContainerState running(String id) {
    ContainerState st = observer.observe(load(id), dirs(id));
    if (st.status() != Status.RUNNING) {
      throw new ContainerException(Kind.CONFLICT, "container " + id + " is not running");
    }
    return st;
  }

  private ContainerRecord load(String id) {
    return store
        .read(dirs(id).state())
        .orElseThrow(() -> new ContainerException(Kind.NOT_FOUND, "no such container: " + id));
  }

  private ContainerDirs dirs(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new ContainerException(Kind.INVALID, "invalid container id '" + id + "'");
    }
    return ContainerDirs.of(paths, id);
  }

  private Object lock(String id) {
    return locks.computeIfAbsent(id, k -> new Object());
  }
}
