package dev.jcompose.netmgr.ipam;

import dev.jcompose.netmgr.api.NetworkException;

/** IPv4 addresses as unsigned ints; parsing and formatting without DNS lookups. */
public final class Ipv4 {
  private Ipv4() {}

  /** Parses dotted quad; throws INVALID naming the text otherwise. */
  public static int parse(String text) {
    String[] parts = text.strip().split("\\.", -1);
    if (parts.length != 4) {
      throw invalid(text);
    }
    int value = 0;
    for (String part : parts) {
      value = (value << 8) | octet(part, text);
    }
    return value;
  }

  public static String format(int address) {
    return (address >>> 24)
        + "."
        + ((address >>> 16) & 0xff)
        + "."
        + ((address >>> 8) & 0xff)
        + "."
        + (address & 0xff);
  }

  /** Whether {@code text} is a dotted-quad IPv4 address. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (NetworkException e) {
      return false;
    }
  }

  private static int octet(String part, String whole) {
    if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
      throw invalid(whole);
    }
    int v = Integer.parseInt(part);
    if (v > 255) {
      throw invalid(whole);
    }
    return v;
  }

  private static NetworkException invalid(String text) {
    return new NetworkException(
        NetworkException.Kind.INVALID, "'" + text + "' is not an IPv4 address");
  }
}
