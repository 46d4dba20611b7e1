package dev.jcompose.runtime.cgroup;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One "allow" entry of a device cgroup (kernel Documentation/admin-guide/cgroup-v1/devices.rst):
 * device type {@code a} (all), {@code b} or {@code c}, major and minor ({@link #ANY} = {@code *}),
 * and access letters {@code r}, {@code w}, {@code m} (mknod).
 */
public record DeviceRule(char type, long major, long minor, String access) {
  public static final long ANY = -1;

  /** What a privileged container gets: every device, every access. */
  public static final DeviceRule ALL = new DeviceRule('a', ANY, ANY, "rwm");

  private static final Pattern RULE =
      Pattern.compile("([acb]) ([0-9]+|\\*):([0-9]+|\\*) ([rwm]{1,3})");

  public DeviceRule {
    if ("abc".indexOf(type) < 0 || access.isEmpty() || !access.matches("[rwm]{1,3}")) {
      throw new ContainerException(Kind.INVALID, "invalid device rule " + type + " " + access);
    }
  }

  /**
   * runc's default allow-list (libcontainer/specconv AllowedDevices): mknod of any node, the
   * standard character devices, ptys, and tun/tap (re-added in runc 1.2.4 for compatibility).
   */
  public static final List<DeviceRule> RUNC_DEFAULTS =
      List.of(
          new DeviceRule('c', ANY, ANY, "m"),
          new DeviceRule('b', ANY, ANY, "m"),
          new DeviceRule('c', 1, 3, "rwm"),
          new DeviceRule('c', 1, 8, "rwm"),
          new DeviceRule('c', 1, 7, "rwm"),
          new DeviceRule('c', 5, 0, "rwm"),
          new DeviceRule('c', 1, 5, "rwm"),
          new DeviceRule('c', 1, 9, "rwm"),
          new DeviceRule('c', 136, ANY, "rwm"),
          new DeviceRule('c', 5, 2, "rwm"),
          new DeviceRule('c', 10, 200, "rwm"));

  /** Docker's {@code device_cgroup_rules} syntax: {@code "c 1:3 rwm"}, {@code "b *:* m"}. */
  public static DeviceRule parse(String text) {
    Matcher m = RULE.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new ContainerException(Kind.INVALID, "invalid device cgroup rule \"" + text + "\"");
    }
    return new DeviceRule(m.group(1).charAt(0), number(m.group(2)), number(m.group(3)), m.group(4));
  }

  private static long number(String s) {
    return s.equals("*") ? ANY : Long.parseLong(s);
  }

  /** The line devices.allow takes. */
  String v1Line() {
    return type
        + " "
        + (major == ANY ? "*" : Long.toString(major))
        + ":"
        + (minor == ANY ? "*" : Long.toString(minor))
        + " "
        + access;
  }

  boolean allowsAll() {
    return type == 'a' && major == ANY && minor == ANY && access.chars().distinct().count() == 3;
  }
}
