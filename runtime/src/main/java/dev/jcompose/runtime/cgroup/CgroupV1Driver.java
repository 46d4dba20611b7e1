package dev.jcompose.runtime.cgroup;

import dev.jcompose.runtime.api.ContainerSpec.Resources;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * cgroup v1 (and hybrid): one hierarchy per controller, each mounted on its own. The container's
 * group is {@code <mount>/jcompose/<id>} in EVERY v1 hierarchy (named ones such as name=systemd
 * included, so tools that look there see it) and, on a hybrid host, also in the cgroup2 mount that
 * carries no controllers (runc's fs manager joins it too: it gives process tracking and leakcheck
 * looks there). Limits go only to the v1 controllers.
 *
 * <p>killAll freezes the group (freezer.state, cgroup-v1/freezer-subsystem.rst) so nothing can fork
 * while we read cgroup.procs, SIGKILLs every pid, then thaws so the signals are delivered.
 * oomKillCount reads {@code oom_kill} from memory.oom_control (Linux 4.13+). Thread-safe as long as
 * callers don't race create and delete of the same id.
 */
final class CgroupV1Driver implements CgroupDriver {
  private static final System.Logger LOG = System.getLogger(CgroupV1Driver.class.getName());

  /** Limits at or above this are the kernel's "unlimited" (LONG_MAX rounded down to a page). */
  private static final long UNLIMITED = 1L << 62;

  private final List<CgroupMount> hierarchies;
  private final List<CgroupMount> unified;
  private final CgroupFs fs;
  private final V1LimitWriter writer;
  private final ProcessSweeper sweeper;
  private final V1Freezer freezer;
  private final Path parent;
  private final String suffix;

  CgroupV1Driver(List<CgroupMount> hierarchies, List<CgroupMount> unified, CgroupFs fs) {
    this(hierarchies, unified, fs, CgroupNames.DEFAULT_PARENT, "");
  }

  private CgroupV1Driver(
      List<CgroupMount> hierarchies,
      List<CgroupMount> unified,
      CgroupFs fs,
      Path parent,
      String suffix) {
    this.parent = parent;
    this.suffix = suffix;
    this.hierarchies = List.copyOf(hierarchies);
    this.unified = List.copyOf(unified);
    this.fs = fs;
    this.writer = new V1LimitWriter(fs);
    this.sweeper = new ProcessSweeper(fs);
    this.freezer = new V1Freezer(fs);
  }

  @Override
  public void create(String id, Resources resources) {
    Limits limits = Limits.of(resources);
    CgroupNames.check(id);
    boolean existed = !all().isEmpty() && fs.exists(group(all().get(0), id));
    try {
      makeGroups(id);
      writer.apply(groupsByController(id), limits);
    } catch (RuntimeException e) {
      // A new container whose limits the kernel refused must not leave groups behind (runc
      // destroys the cgroup on a failed create); an existing one keeps its groups and processes.
      if (!existed) {
        deleteQuietly(id, e);
      }
      throw e;
    }
  }

  private void deleteQuietly(String id, RuntimeException cause) {
    try {
      delete(id);
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /** Creates every level from the root down (a cgroup_parent may be several deep). */
  private void makeGroups(String id) {
    for (CgroupMount m : all()) {
      Path above = m.mountPoint();
      for (Path level : groupOf(id)) {
        Path dir = above.resolve(level.toString());
        fs.mkdir(dir);
        if (m.has("cpuset")) {
          inheritCpuset(above, dir);
        }
        above = dir;
      }
    }
  }

  /**
   * A new v1 cpuset group starts with empty cpus and mems and refuses tasks until both are set
   * (cgroup-v1/cpusets.rst 1.6: "ENOSPC"); copy them from the parent unless already set.
   */
  private void inheritCpuset(Path from, Path to) {
    for (String file : List.of("cpuset.cpus", "cpuset.mems")) {
      if (fs.read(to.resolve(file)).isBlank()) {
        fs.write(to.resolve(file), fs.read(from.resolve(file)));
      }
    }
  }

  /**
   * devices.deny "a" empties the list, then each rule goes to devices.allow
   * (cgroup-v1/devices.rst).
   */
  @Override
  public void allowDevices(String id, List<DeviceRule> allowed) {
    Path group = groupsByController(id).get("devices");
    if (group == null) {
      LOG.log(
          Level.WARNING,
          "devices cgroup not mounted: the device allow-list of " + id + " is not enforced");
      return;
    }
    if (allowed.stream().anyMatch(DeviceRule::allowsAll)) {
      fs.write(group.resolve("devices.allow"), "a");
      return;
    }
    fs.write(group.resolve("devices.deny"), "a");
    for (DeviceRule r : allowed) {
      fs.write(group.resolve("devices.allow"), r.v1Line());
    }
  }

  @Override
  public void attach(String id, int pid) {
    for (Path procs : procsFiles(id)) {
      fs.write(procs, Integer.toString(pid));
    }
  }

  @Override
  public List<Path> procsFiles(String id) {
    return all().stream().map(m -> group(m, id).resolve("cgroup.procs")).toList();
  }

  @Override
  public long oomKillCount(String id) {
    return memoryFile(id, "memory.oom_control")
        .map(content -> KeyedValues.get(content, "oom_kill").orElse(0))
        .orElse(0L);
  }

  /**
   * On a hybrid host the cgroup2 group carries {@code cgroup.kill} (Linux 5.14+), which kills
   * atomically even without controllers; the v1 freeze + sweep still runs for anything left.
   */
  @Override
  public void killAll(String id) {
    for (CgroupMount m : unified) {
      Path kill = group(m, id).resolve("cgroup.kill");
      if (fs.exists(kill)) {
        fs.write(kill, "1");
      }
    }
    Optional<Path> freezerGroup = freezerGroup(id);
    List<Path> procs = procsFiles(id);
    freezerGroup.ifPresent(freezer::freeze);
    try {
      sweeper.killOnce(procs);
    } finally {
      freezerGroup.ifPresent(freezer::thaw);
    }
    sweeper.killUntilEmpty(procs);
  }

  @Override
  public void delete(String id) {
    GroupRemover remover = new GroupRemover(fs);
    for (CgroupMount m : all()) {
      remover.remove(group(m, id));
    }
  }

  /** Usage as {@code docker stats} shows it: usage_in_bytes minus inactive page cache. */
  @Override
  public long memoryUsage(String id) {
    Optional<String> usage = memoryFile(id, "memory.usage_in_bytes");
    if (usage.isEmpty()) {
      return -1;
    }
    long bytes = Long.parseLong(usage.get().trim());
    OptionalLong inactive =
        memoryFile(id, "memory.stat")
            .map(s -> KeyedValues.get(s, "total_inactive_file"))
            .orElse(OptionalLong.empty());
    return bytes - Math.min(bytes, inactive.orElse(0));
  }

  @Override
  public List<String> ids() {
    return all().isEmpty()
        ? List.of()
        : CgroupNames.ownIds(fs.list(all().get(0).mountPoint().resolve(parent.toString())), suffix);
  }

  @Override
  public void freeze(String id) {
    freezerGroup(id).ifPresent(freezer::freeze);
  }

  @Override
  public void thaw(String id) {
    freezerGroup(id).ifPresent(freezer::thaw);
  }

  @Override
  public boolean frozen(String id) {
    return freezerGroup(id).map(freezer::frozen).orElse(false);
  }

  /**
   * cpuacct.usage, memory.limit_in_bytes, pids.current and blkio's io_service_bytes, the files
   * docker's v1 stats collector reads. A limit at the page-rounded LONG_MAX the kernel reports for
   * "none" is unlimited.
   */
  @Override
  public CgroupStats stats(String id) {
    long cpu = controllerFile(id, "cpuacct", "cpuacct.usage").map(IoCounters::parse).orElse(0L);
    long limit = memoryFile(id, "memory.limit_in_bytes").map(IoCounters::parse).orElse(-1L);
    long pids = controllerFile(id, "pids", "pids.current").map(IoCounters::parse).orElse(-1L);
    long[] io =
        controllerFile(id, "blkio", "blkio.throttle.io_service_bytes_recursive")
            .map(IoCounters::v1)
            .orElse(new long[2]);
    return new CgroupStats(
        Math.max(0, cpu), memoryUsage(id), limit >= UNLIMITED ? -1 : limit, pids, io[0], io[1]);
  }

  @Override
  public List<Long> pids(String id) {
    return List.copyOf(
        sweeper.pids(
            all().isEmpty()
                ? List.of()
                : List.of(group(all().get(0), id).resolve("cgroup.procs"))));
  }

  private Optional<Path> freezerGroup(String id) {
    return hierarchies.stream().filter(m -> m.has("freezer")).findFirst().map(m -> group(m, id));
  }

  private Optional<String> controllerFile(String id, String controller, String file) {
    return hierarchies.stream()
        .filter(m -> m.has(controller))
        .findFirst()
        .flatMap(m -> fs.readIfExists(group(m, id).resolve(file)));
  }

  private Optional<String> memoryFile(String id, String file) {
    return hierarchies.stream()
        .filter(m -> m.has("memory"))
        .findFirst()
        .flatMap(m -> fs.readIfExists(group(m, id).resolve(file)));
  }

  private Map<String, Path> groupsByController(String id) {
    Map<String, Path> groups = new LinkedHashMap<>();
    for (CgroupMount m : hierarchies) {
      m.controllers().forEach(c -> groups.putIfAbsent(c, group(m, id)));
    }
    return groups;
  }

  private List<CgroupMount> all() {
    List<CgroupMount> all = new ArrayList<>(hierarchies);
    all.addAll(unified);
    return all;
  }

  private Path group(CgroupMount m, String id) {
    return m.mountPoint().resolve(groupOf(id).toString());
  }

  @Override
  public CgroupDriver under(String cgroupParent) {
    return new CgroupV1Driver(hierarchies, unified, fs, CgroupNames.parent(cgroupParent), "");
  }

  @Override
  public CgroupDriver forInstance(Path stateRoot) {
    return new CgroupV1Driver(
        hierarchies,
        unified,
        fs,
        CgroupNames.DEFAULT_PARENT,
        CgroupNames.instanceSuffix(stateRoot));
  }

  @Override
  public Path groupOf(String id) {
    CgroupNames.check(id);
    return parent.resolve(id + suffix);
  }

  @Override
  public CgroupDriver withGroup(String id, Path group) {
    String groupSuffix = CgroupNames.suffixOf(id, group);
    return new CgroupV1Driver(hierarchies, unified, fs, group.getParent(), groupSuffix);
  }

  @Override
  public boolean exists(String id) {
    return !all().isEmpty() && fs.exists(group(all().get(0), id));
  }

  /** The hierarchies this driver writes to, for diagnostics ("v1: cpu,memory,..."). */
  @Override
  public String toString() {
    return "cgroup v1 " + all().stream().map(m -> m.mountPoint().toString()).toList();
  }
}
