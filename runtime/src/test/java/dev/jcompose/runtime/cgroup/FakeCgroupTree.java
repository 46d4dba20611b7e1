package dev.jcompose.runtime.cgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A fake cgroup tree in a temp dir, emulating the kernel behind {@link CgroupFs}: mkdir fills a
 * group with its control files, cgroup.procs appends, cgroup.kill / kill() remove pids, rmdir
 * refuses populated groups. Records every write in order so tests can check sequences.
 */
final class FakeCgroupTree extends LinuxCgroupFs {
  static final String BIG = "9223372036854771712";

  private final Path root;
  private final Map<Path, Map<String, String>> templates = new LinkedHashMap<>();
  private final StringBuilder mountinfo = new StringBuilder();
  final List<String> writes = new ArrayList<>();
  final Set<Long> killed = new LinkedHashSet<>();

  /** Control file names whose writes the fake kernel refuses with EINVAL. */
  final Set<String> refuse = new LinkedHashSet<>();

  private int nextDevice = 40;

  FakeCgroupTree(Path root) {
    this.root = root;
  }

  /** The host layout here: v1 controllers + name=systemd + an empty cgroup2 at unified. */
  static FakeCgroupTree hybrid(Path root) {
    FakeCgroupTree t = new FakeCgroupTree(root);
    t.mountTmpfs();
    for (String c :
        List.of("cpu", "cpuacct", "cpuset", "memory", "devices", "freezer", "blkio", "pids")) {
      t.mountV1(c, c, v1Files(c));
    }
    t.mountV1("systemd", "name=systemd", Map.of());
    t.mountV2("unified", Map.of());
    return t;
  }

  /** A unified v2 host with the usual controllers. */
  static FakeCgroupTree unified(Path root) {
    FakeCgroupTree t = new FakeCgroupTree(root);
    t.mountV2("", v2Files());
    t.writeRaw(root.resolve("cgroup.controllers"), "cpuset cpu io memory hugetlb pids rdma misc");
    return t;
  }

  static Map<String, String> v1Files(String controller) {
    return switch (controller) {
      case "memory" ->
          Map.of(
              "memory.limit_in_bytes",
              BIG,
              "memory.memsw.limit_in_bytes",
              BIG,
              "memory.soft_limit_in_bytes",
              BIG,
              "memory.oom_control",
              "oom_kill_disable 0\nunder_oom 0\noom_kill 0",
              "memory.usage_in_bytes",
              "0",
              "memory.stat",
              "cache 0\ntotal_inactive_file 0",
              "memory.swappiness",
              "60");
      case "cpu" ->
          Map.of(
              "cpu.shares",
              "1024",
              "cpu.cfs_period_us",
              "100000",
              "cpu.cfs_quota_us",
              "-1",
              "cpu.rt_runtime_us",
              "0",
              "cpu.rt_period_us",
              "1000000");
      case "blkio" ->
          Map.of(
              "blkio.bfq.weight",
              "100",
              "blkio.bfq.weight_device",
              "",
              "blkio.throttle.read_bps_device",
              "",
              "blkio.throttle.write_bps_device",
              "",
              "blkio.throttle.read_iops_device",
              "",
              "blkio.throttle.write_iops_device",
              "");
      case "cpuset" -> Map.of("cpuset.cpus", "", "cpuset.mems", "");
      case "pids" -> Map.of("pids.max", "max");
      case "freezer" -> Map.of("freezer.state", "THAWED");
      case "devices" -> Map.of("devices.allow", "", "devices.deny", "");
      default -> Map.of();
    };
  }

  static Map<String, String> v2Files() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("memory.max", "max");
    m.put("memory.swap.max", "max");
    m.put("memory.low", "0");
    m.put("memory.events", "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0");
    m.put("memory.current", "0");
    m.put("memory.stat", "anon 0\ninactive_file 0");
    m.put("cpu.max", "max 100000");
    m.put("cpu.weight", "100");
    m.put("cpuset.cpus", "");
    m.put("pids.max", "max");
    m.put("io.weight", "default 100");
    m.put("io.max", "");
    m.put("cgroup.kill", "");
    m.put("cgroup.freeze", "0");
    return m;
  }

  private void mountTmpfs() {
    mountinfo
        .append("31 23 0:28 / ")
        .append(root)
        .append(" rw,relatime - tmpfs tmpfs rw,mode=755\n");
  }

  void mountV1(String dir, String option, Map<String, String> files) {
    Path mount = mkdirs(dir);
    templates.put(mount, files);
    line(mount, "cgroup cgroup rw," + option);
    writeRaw(mount.resolve("cgroup.procs"), "");
    if (option.equals("cpuset")) {
      writeRaw(mount.resolve("cpuset.cpus"), "0-1");
      writeRaw(mount.resolve("cpuset.mems"), "0");
    } else {
      files.forEach(
          (f, v) -> {
            if (!f.startsWith("freezer")) writeRaw(mount.resolve(f), v);
          });
    }
  }

  void mountV2(String dir, Map<String, String> files) {
    Path mount = mkdirs(dir);
    templates.put(mount, files);
    line(mount, "cgroup2 cgroup2 rw,nsdelegate");
    writeRaw(mount.resolve("cgroup.procs"), "");
    writeRaw(mount.resolve("cgroup.controllers"), "");
    writeRaw(mount.resolve("cgroup.subtree_control"), "");
  }

  private void line(Path mount, String tail) {
    mountinfo
        .append(nextDevice)
        .append(" 31 0:")
        .append(nextDevice++)
        .append(" / ")
        .append(mount)
        .append(" rw,nosuid - ")
        .append(tail)
        .append('\n');
  }

  String mountinfo() {
    return mountinfo.toString();
  }

  Path root() {
    return root;
  }

  @Override
  public void mkdir(Path dir) {
    super.mkdir(dir);
    Path mount = mountOf(dir);
    templates.get(mount).forEach((f, v) -> writeIfAbsent(dir.resolve(f), v));
    writeIfAbsent(dir.resolve("cgroup.procs"), "");
    if (templates.get(mount).containsKey("cgroup.kill") || isV2(mount)) {
      // cgroup.controllers of a v2 child = its parent's subtree_control (cgroup-v2.rst)
      writeIfAbsent(
          dir.resolve("cgroup.controllers"),
          readRaw(dir.getParent().resolve("cgroup.subtree_control")));
      writeIfAbsent(dir.resolve("cgroup.subtree_control"), "");
    }
  }

  /** A v2 child's cgroup.controllers is live: whatever its parent delegates now. */
  @Override
  public String read(Path path) {
    Path dir = path.getParent();
    if (path.getFileName().toString().equals("cgroup.controllers") && !templates.containsKey(dir)) {
      return readRaw(dir.getParent().resolve("cgroup.subtree_control"));
    }
    return super.read(path);
  }

  @Override
  public void write(Path path, String value) {
    writes.add(root.relativize(path) + "=" + value);
    String name = path.getFileName().toString();
    if (refuse.contains(name)) {
      throw new dev.jcompose.runtime.api.ContainerException(
          dev.jcompose.runtime.api.ContainerException.Kind.UNAVAILABLE,
          "cannot write '" + value + "' to " + path + ": Invalid argument");
    }
    switch (name) {
      case "cgroup.procs" -> writeRaw(path, (readRaw(path) + "\n" + value).strip());
      case "cgroup.kill" -> pids(path.resolveSibling("cgroup.procs")).forEach(this::kill);
      case "cgroup.subtree_control" -> enable(path, value);
      default -> super.write(path, value);
    }
  }

  private void enable(Path path, String value) {
    Set<String> set = new LinkedHashSet<>(Arrays.asList(readRaw(path).split(" ")));
    set.remove("");
    if (value.startsWith("+")) {
      set.add(value.substring(1));
    } else {
      set.remove(value.substring(1));
    }
    writeRaw(path, String.join(" ", set));
  }

  @Override
  public boolean rmdir(Path dir) {
    if (!Files.exists(dir)) {
      return true;
    }
    try (Stream<Path> children = Files.list(dir)) {
      List<Path> list = children.toList();
      if (list.stream().anyMatch(Files::isDirectory)
          || !readRaw(dir.resolve("cgroup.procs")).isBlank()) {
        return false;
      }
      for (Path f : list) {
        Files.delete(f);
      }
      Files.delete(dir);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void kill(long pid) {
    killed.add(pid);
    try (Stream<Path> all = Files.walk(root)) {
      all.filter(p -> p.getFileName().toString().equals("cgroup.procs"))
          .forEach(
              p -> {
                List<String> left =
                    pids(p).stream().filter(x -> x != pid).map(String::valueOf).toList();
                writeRaw(p, String.join("\n", left));
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Long> pids(Path procs) {
    return Arrays.stream(readRaw(procs).split("\n"))
        .filter(s -> !s.isBlank())
        .map(Long::parseLong)
        .toList();
  }

  private boolean isV2(Path mount) {
    return mountinfo.toString().contains(" " + mount + " rw,nosuid - cgroup2");
  }

  private Path mountOf(Path dir) {
    return templates.keySet().stream()
        .filter(dir::startsWith)
        .max((a, b) -> a.getNameCount() - b.getNameCount())
        .orElseThrow();
  }

  Path mkdirs(String dir) {
    try {
      return Files.createDirectories(dir.isEmpty() ? root : root.resolve(dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void writeRaw(Path p, String content) {
    try {
      Files.writeString(p, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String readRaw(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeIfAbsent(Path p, String content) {
    if (!Files.exists(p)) {
      writeRaw(p, content);
    }
  }
}
