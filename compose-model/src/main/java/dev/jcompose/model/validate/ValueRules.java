package dev.jcompose.model.validate;

import java.util.regex.Pattern;

/**
 * Rules for values that become kernel parameters or lines of files: host names, label and
 * environment keys, extra hosts, addresses. Like {@link NameRules}, shared by the loader and the
 * engine's API; each rule returns null when the value is acceptable, otherwise the problem.
 */
public final class ValueRules {
  /** One DNS label (RFC 1123), with the underscore docker and compose files commonly use. */
  private static final Pattern LABEL =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?");

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");
  private static final Pattern MAC = Pattern.compile("([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}");

  /** HOST_NAME_MAX: sethostname(2) refuses anything longer. */
  static final int MAX_HOSTNAME = 64;

  private static final int MAX_DNS_NAME = 253;

  private ValueRules() {}

  /**
   * The container's host name (UTS namespace, /etc/hostname, /etc/hosts): RFC 1123, at most 64
   * bytes.
   */
  public static String hostname(String what, String name) {
    if (name.length() > MAX_HOSTNAME) {
      return what + " " + Quoted.of(name) + " is longer than " + MAX_HOSTNAME + " characters";
    }
    return dnsName(what, name);
  }

  /**
   * A DNS name (network alias, dns_search domain, extra_hosts name): dot-separated RFC 1123 labels.
   */
  public static String dnsName(String what, String name) {
    if (name.isEmpty() || name.length() > MAX_DNS_NAME) {
      return "invalid "
          + what
          + " "
          + Quoted.of(name)
          + ": must be 1 to "
          + MAX_DNS_NAME
          + " characters";
    }
    String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    for (String label : bare.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return "invalid "
            + what
            + " "
            + Quoted.of(name)
            + ": labels of letters, digits, '-' and '_' separated by dots expected";
      }
    }
    return null;
  }

  /** Label keys: not empty, no whitespace (docker CLI ValidateLabel), no control characters. */
  public static String labelKey(String key) {
    return key.isEmpty()
            || key.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))
        ? "invalid label "
            + Quoted.of(key)
            + ": keys must be non-empty, without whitespace or control characters"
        : null;
  }

  /** Environment names: not empty, no '=' (execve would read the rest as the value), no NUL. */
  public static String envKey(String key) {
    return key.isEmpty() || key.indexOf('=') >= 0 || key.indexOf('\0') >= 0
        ? "invalid environment variable name "
            + Quoted.of(key)
            + ": must be non-empty, without '=' or NUL"
        : null;
  }

  /** A value handed to the kernel or the shim as a C string. */
  public static String noNul(String what, String value) {
    return value != null && value.indexOf('\0') >= 0 ? what + " contains a NUL byte" : null;
  }

  /**
   * An {@code extra_hosts} entry: a name for /etc/hosts and an address (docker's host-gateway
   * allowed).
   */
  public static String extraHost(String name, String address) {
    String entry = Quoted.of(name + "=" + address);
    if (name == null || name.isEmpty() || address == null) {
      return "invalid extra host " + entry + ": NAME=ADDRESS expected";
    }
    if (name.chars()
        .anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || c == '#')) {
      return "invalid extra host "
          + entry
          + ": the name must not contain whitespace, '#' or control characters";
    }
    if (!address.equals("host-gateway") && !isIp(address)) {
      return "invalid extra host " + entry + ": " + Quoted.of(address) + " is not an IP address";
    }
    return null;
  }

  public static String ip(String what, String value) {
    return isIp(value) ? null : "invalid " + what + " " + Quoted.of(value) + ": not an IP address";
  }

  public static String ipv4(String what, String value) {
    return IPV4.matcher(value).matches()
        ? null
        : "invalid " + what + " " + Quoted.of(value) + ": not an IPv4 address";
  }

  /** A subnet as ADDRESS/PREFIX, IPv4 or IPv6. */
  public static String cidr(String what, String value) {
    int slash = value.indexOf('/');
    if (slash < 0
        || !isIp(value.substring(0, slash))
        || !value.substring(slash + 1).matches("\\d{1,3}")) {
      return "invalid " + what + " " + Quoted.of(value) + ": ADDRESS/PREFIX expected";
    }
    int prefix = Integer.parseInt(value.substring(slash + 1));
    return prefix > (value.indexOf(':') >= 0 ? 128 : 32)
        ? "invalid " + what + " " + Quoted.of(value) + ": prefix too long"
        : null;
  }

  /**
   * A Linux interface name: what IFNAMSIZ holds, no slash or blank (dev_valid_name), never lo's.
   */
  public static String interfaceName(String what, String value) {
    return value.matches("[A-Za-z0-9_.-]{1,15}")
            && !value.equals(".")
            && !value.equals("..")
            && !value.equals("lo")
        ? null
        : "invalid "
            + what
            + " "
            + Quoted.of(value)
            + ": an interface name of at most 15 letters, digits, '.', '-' or '_'";
  }

  public static String mac(String what, String value) {
    return MAC.matcher(value).matches()
        ? null
        : "invalid " + what + " " + Quoted.of(value) + ": xx:xx:xx:xx:xx:xx expected";
  }

  /**
   * A value written as one line of a file (resolv.conf options): no line breaks or control
   * characters.
   */
  public static String oneLine(String what, String value) {
    return value.isEmpty() || value.chars().anyMatch(Character::isISOControl)
        ? "invalid "
            + what
            + " "
            + Quoted.of(value)
            + ": must be non-empty, without control characters"
        : null;
  }

  static boolean isIp(String s) {
    if (IPV4.matcher(s).matches()) {
      return true;
    }
    if (s.indexOf(':') < 0 || !IPV6_CHARS.matcher(s).matches()) {
      return false;
    }
    try {
      // A string with a ':' is parsed as an IPv6 literal and never looked up in DNS.
      java.net.InetAddress.getByName(s);
      return true;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
