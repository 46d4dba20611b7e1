package dev.jcompose.runtime.volume;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of docker's {@code local} volume driver, checked as dockerd checks them ({@code
 * daemon/volume/local/local_unix.go validateOpts}): only {@code type}, {@code o}, {@code device}
 * and {@code size}; {@code type} and {@code device} go together and {@code o} needs both; {@code
 * size} asks for a quota, which jcompose has no support for. {@code o} is split the way moby's
 * mount package splits it: the flags mount(2) takes ({@code bind}, {@code ro}, {@code nosuid}, …)
 * apart from the rest, which is the filesystem's data ({@code size=64m,uid=1000}).
 *
 * @param type filesystem type ({@code tmpfs}, {@code none} for a bind, {@code ext4}, …)
 * @param options the {@code o} string, or ""
 * @param device what to mount: a path, a block device, {@code tmpfs}
 */
public record LocalDriverOptions(String type, String options, String device) {
  private static final Set<String> VALID = Set.of("type", "o", "device", "size");
  static final long MS_RDONLY = 1;
  static final long MS_NOSUID = 2;
  static final long MS_NODEV = 4;
  static final long MS_NOEXEC = 8;
  static final long MS_SYNCHRONOUS = 16;
  static final long MS_REMOUNT = 32;
  static final long MS_MANDLOCK = 64;
  static final long MS_DIRSYNC = 128;
  static final long MS_NOATIME = 1024;
  static final long MS_NODIRATIME = 2048;
  static final long MS_BIND = 4096;
  static final long MS_REC = 16384;
  static final long MS_UNBINDABLE = 1 << 17;
  static final long MS_PRIVATE = 1 << 18;
  static final long MS_SLAVE = 1 << 19;
  static final long MS_SHARED = 1 << 20;
  static final long MS_RELATIME = 1 << 21;
  static final long MS_STRICTATIME = 1 << 24;
  static final long PROPAGATION = MS_UNBINDABLE | MS_PRIVATE | MS_SLAVE | MS_SHARED;

  /** moby/sys/mount's table: the option, whether it clears the flag, the flag. */
  private static final Map<String, long[]> FLAGS =
      Map.ofEntries(
          Map.entry("defaults", new long[] {0, 0}),
          Map.entry("ro", new long[] {0, MS_RDONLY}),
          Map.entry("rw", new long[] {1, MS_RDONLY}),
          Map.entry("suid", new long[] {1, MS_NOSUID}),
          Map.entry("nosuid", new long[] {0, MS_NOSUID}),
          Map.entry("dev", new long[] {1, MS_NODEV}),
          Map.entry("nodev", new long[] {0, MS_NODEV}),
          Map.entry("exec", new long[] {1, MS_NOEXEC}),
          Map.entry("noexec", new long[] {0, MS_NOEXEC}),
          Map.entry("sync", new long[] {0, MS_SYNCHRONOUS}),
          Map.entry("async", new long[] {1, MS_SYNCHRONOUS}),
          Map.entry("dirsync", new long[] {0, MS_DIRSYNC}),
          Map.entry("remount", new long[] {0, MS_REMOUNT}),
          Map.entry("mand", new long[] {0, MS_MANDLOCK}),
          Map.entry("nomand", new long[] {1, MS_MANDLOCK}),
          Map.entry("atime", new long[] {1, MS_NOATIME}),
          Map.entry("noatime", new long[] {0, MS_NOATIME}),
          Map.entry("diratime", new long[] {1, MS_NODIRATIME}),
          Map.entry("nodiratime", new long[] {0, MS_NODIRATIME}),
          Map.entry("bind", new long[] {0, MS_BIND}),
          Map.entry("rbind", new long[] {0, MS_BIND | MS_REC}),
          Map.entry("unbindable", new long[] {0, MS_UNBINDABLE}),
          Map.entry("runbindable", new long[] {0, MS_UNBINDABLE | MS_REC}),
          Map.entry("private", new long[] {0, MS_PRIVATE}),
          Map.entry("rprivate", new long[] {0, MS_PRIVATE | MS_REC}),
          Map.entry("shared", new long[] {0, MS_SHARED}),
          Map.entry("rshared", new long[] {0, MS_SHARED | MS_REC}),
          Map.entry("slave", new long[] {0, MS_SLAVE}),
          Map.entry("rslave", new long[] {0, MS_SLAVE | MS_REC}),
          Map.entry("relatime", new long[] {0, MS_RELATIME}),
          Map.entry("norelatime", new long[] {1, MS_RELATIME}),
          Map.entry("strictatime", new long[] {0, MS_STRICTATIME}),
          Map.entry("nostrictatime", new long[] {1, MS_STRICTATIME}));

  /** The flags and filesystem data one mount(2) call takes. */
  public record Mount(long flags, String data) {}

  /** The options of a volume, or null when it has none (a plain directory). */
  public static LocalDriverOptions parse(String volume, Map<String, String> opts) {
    if (opts == null || opts.isEmpty()) {
      return null;
    }
    for (String key : opts.keySet()) {
      if (!VALID.contains(key)) {
        throw invalid(volume, "invalid option: \"" + key + "\"");
      }
    }
    if (opts.containsKey("size")) {
      throw invalid(volume, "quota size requested but no quota support");
    }
    require(volume, opts, "device", "type");
    require(volume, opts, "type", "device");
    require(volume, opts, "o", "device");
    require(volume, opts, "o", "type");
    String device = opts.get("device");
    if (device == null || device.isEmpty() || device.indexOf('\0') >= 0) {
      throw invalid(volume, "missing device in volume options");
    }
    LocalDriverOptions o =
        new LocalDriverOptions(opts.get("type"), opts.getOrDefault("o", ""), device);
    o.mount(); // refuse what does not parse now, not at the first container
    if ((o.type().equals("nfs") || o.type().equals("cifs"))
        && o.address() != null
        && !o.address().matches("[0-9.]+|[0-9a-fA-F:]+")) {
      throw invalid(
          volume,
          "addr="
              + o.address()
              + ": jcompose does not resolve host names for network volumes, give an address");
    }
    return o;
  }

  /** The mount(2) flags and data of {@code o}, as moby/sys/mount parseOptions splits them. */
  public Mount mount() {
    long flags = 0;
    List<String> data = new ArrayList<>();
    for (String option : options.split(",", -1)) {
      if (option.isEmpty()) {
        continue;
      }
      long[] f = FLAGS.get(option);
      if (f == null) {
        if (option.indexOf('\0') >= 0) {
          throw new ContainerException(Kind.INVALID, "invalid mount option");
        }
        data.add(option);
      } else if (f[0] == 1) {
        flags &= ~f[1];
      } else {
        flags |= f[1];
      }
    }
    return new Mount(flags, String.join(",", data));
  }

  /** {@code addr=} of a network filesystem's options, or null. */
  private String address() {
    for (String option : options.split(",", -1)) {
      if (option.startsWith("addr=")) {
        return option.substring("addr=".length());
      }
    }
    return null;
  }

  /** The form docker's {@code volume inspect} shows as Options. */
  public Map<String, String> asMap() {
    return options.isEmpty()
        ? Map.of("type", type, "device", device)
        : Map.of("type", type, "o", options, "device", device);
  }

  private static void require(String volume, Map<String, String> opts, String key, String needed) {
    if (opts.containsKey(key) && !opts.containsKey(needed)) {
      throw invalid(volume, "missing required option: \"" + needed + "\"");
    }
  }

  private static ContainerException invalid(String volume, String why) {
    return new ContainerException(Kind.INVALID, "volume " + volume + ": " + why);
  }
}
