package dev.jcompose.runtime.cgroup;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.ContainerSpec.Resources;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * cgroup v2 (unified): the container's group is {@code <mount>/jcompose/<id>} (or under a
 * cgroup_parent). Controllers only reach a group when its parent lists them in {@code
 * cgroup.subtree_control}, so create() enables them on the mount root and on every parent level
 * (cgroup-v2.rst "Enabling and Disabling"); the no-internal-process rule is kept because processes
 * only ever go into the leaf groups.
 *
 * <p>killAll uses {@code cgroup.kill} (Linux 5.14+), falling back to freeze ({@code cgroup.freeze})
 * + per-pid SIGKILL. oomKillCount reads {@code oom_kill} from memory.events.
 */
final class CgroupV2Driver implements CgroupDriver {
  private static final System.Logger LOG = System.getLogger(CgroupV2Driver.class.getName());

  /** What containers may be limited by; others (rdma, misc, hugetlb) are left alone. */
  private static final List<String> WANTED = List.of("cpu", "cpuset", "io", "memory", "pids");

  private final Path root;
  private final CgroupFs fs;
  private final NativeOps nativeOps;
  private final V2LimitWriter writer;
  private final ProcessSweeper sweeper;
  private final V2Freezer freezer;
  private final Path parent;
  private final String suffix;

  CgroupV2Driver(Path root, CgroupFs fs) {
    this(root, fs, NativeOps.real());
  }

  CgroupV2Driver(Path root, CgroupFs fs, NativeOps nativeOps) {
    this(root, fs, nativeOps, CgroupNames.DEFAULT_PARENT, "");
  }

  private CgroupV2Driver(Path root, CgroupFs fs, NativeOps nativeOps, Path parent, String suffix) {
    this.root = root;
    this.parent = parent;
    this.suffix = suffix;
    this.fs = fs;
    this.nativeOps = nativeOps;
    this.writer = new V2LimitWriter(fs);
    this.sweeper = new ProcessSweeper(fs);
    this.freezer = new V2Freezer(fs);
  }

  @Override
  public void create(String id, Resources resources) {
    Limits limits = Limits.of(resources);
    enableControllers(root);
    Path above = root;
    for (Path level : parent) {
      above = above.resolve(level.toString());
      fs.mkdir(above);
      enableControllers(above);
    }
    boolean existed = fs.exists(group(id));
    fs.mkdir(group(id));
    try {
      writer.apply(group(id), limits);
    } catch (RuntimeException e) {
      // as in v1: a refused limit on a NEW group removes it; an existing group is left as it was
      if (!existed) {
        fs.rmdir(group(id));
      }
      throw e;
    }
  }

  /** Writes "+ctrl" for each wanted controller available in {@code dir} but not yet delegated. */
  private void enableControllers(Path dir) {
    Set<String> available = words(fs.read(dir.resolve("cgroup.controllers")));
    Set<String> enabled = words(fs.read(dir.resolve("cgroup.subtree_control")));
    for (String c : WANTED) {
      if (available.contains(c) && !enabled.contains(c)) {
        try {
          fs.write(dir.resolve("cgroup.subtree_control"), "+" + c);
        } catch (RuntimeException e) {
          // One refused controller (e.g. cpu with realtime tasks in the root) must not cost the
          // others.
          LOG.log(
              Level.WARNING,
              "cannot enable " + c + " controller in " + dir + ": " + e.getMessage());
        }
      }
    }
  }

  /** cgroup v2 has no devices files: an eBPF program decides (a privileged container gets none). */
  @Override
  public void allowDevices(String id, List<DeviceRule> allowed) {
    if (allowed.stream().anyMatch(DeviceRule::allowsAll)) {
      return;
    }
    try {
      nativeOps.attachDeviceProgram(group(id), DeviceProgram.build(allowed));
    } catch (IOException e) {
      throw new ContainerException(
          Kind.UNAVAILABLE, "device control of container " + id + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void attach(String id, int pid) {
    fs.write(group(id).resolve("cgroup.procs"), Integer.toString(pid));
  }

  @Override
  public List<Path> procsFiles(String id) {
    return List.of(group(id).resolve("cgroup.procs"));
  }

  @Override
  public long oomKillCount(String id) {
    return fs.readIfExists(group(id).resolve("memory.events"))
        .map(s -> KeyedValues.get(s, "oom_kill").orElse(0))
        .orElse(0L);
  }

  @Override
  public void killAll(String id) {
    Path kill = group(id).resolve("cgroup.kill");
    if (fs.exists(kill)) {
      fs.write(kill, "1");
      return;
    }
    Path freeze = group(id).resolve("cgroup.freeze");
    boolean canFreeze = fs.exists(freeze);
    if (canFreeze) {
      fs.write(freeze, "1");
    }
    try {
      sweeper.killOnce(procsFiles(id));
    } finally {
      if (canFreeze) {
        fs.write(freeze, "0");
      }
    }
    sweeper.killUntilEmpty(procsFiles(id));
  }

  @Override
  public void delete(String id) {
    new GroupRemover(fs).remove(group(id));
  }

  /** Usage as {@code docker stats} shows it: memory.current minus inactive page cache. */
  @Override
  public long memoryUsage(String id) {
    Optional<String> current = fs.readIfExists(group(id).resolve("memory.current"));
    if (current.isEmpty()) {
      return -1;
    }
    long bytes = Long.parseLong(current.get().trim());
    OptionalLong inactive =
        fs.readIfExists(group(id).resolve("memory.stat"))
            .map(s -> KeyedValues.get(s, "inactive_file"))
            .orElse(OptionalLong.empty());
    return bytes - Math.min(bytes, inactive.orElse(0));
  }

  @Override
  public List<String> ids() {
    return CgroupNames.ownIds(fs.list(root.resolve(parent.toString())), suffix);
  }

  @Override
  public void freeze(String id) {
    freezer.freeze(group(id));
  }

  @Override
  public void thaw(String id) {
    freezer.thaw(group(id));
  }

  @Override
  public boolean frozen(String id) {
    return freezer.frozen(group(id));
  }

  /**
   * cpu.stat usage_usec, memory.max, pids.current and io.stat, as docker's v2 stats collector reads
   * them.
   */
  @Override
  public CgroupStats stats(String id) {
    Path g = group(id);
    long cpuMicros =
        fs.readIfExists(g.resolve("cpu.stat"))
            .map(s -> KeyedValues.get(s, "usage_usec").orElse(0))
            .orElse(0L);
    long limit = fs.readIfExists(g.resolve("memory.max")).map(IoCounters::parse).orElse(-1L);
    long pids = fs.readIfExists(g.resolve("pids.current")).map(IoCounters::parse).orElse(-1L);
    long[] io = fs.readIfExists(g.resolve("io.stat")).map(IoCounters::v2).orElse(new long[2]);
    return new CgroupStats(cpuMicros * 1000, memoryUsage(id), limit, pids, io[0], io[1]);
  }

  @Override
  public List<Long> pids(String id) {
    return List.copyOf(sweeper.pids(procsFiles(id)));
  }

  private Path group(String id) {
    return root.resolve(groupOf(id).toString());
  }

  @Override
  public CgroupDriver under(String cgroupParent) {
    return new CgroupV2Driver(root, fs, nativeOps, CgroupNames.parent(cgroupParent), "");
  }

  @Override
  public CgroupDriver forInstance(Path stateRoot) {
    return new CgroupV2Driver(
        root, fs, nativeOps, CgroupNames.DEFAULT_PARENT, CgroupNames.instanceSuffix(stateRoot));
  }

  @Override
  public Path groupOf(String id) {
    CgroupNames.check(id);
    return parent.resolve(id + suffix);
  }

  @Override
  public CgroupDriver withGroup(String id, Path group) {
    String groupSuffix = CgroupNames.suffixOf(id, group);
    return new CgroupV2Driver(root, fs, nativeOps, group.getParent(), groupSuffix);
  }

  @Override
  public boolean exists(String id) {
    return fs.exists(group(id));
  }

  private static Set<String> words(String s) {
    return new HashSet<>(Arrays.asList(s.trim().split("\\s+", -1)));
  }

  @Override
  public String toString() {
    return "cgroup v2 " + root;
  }
}
