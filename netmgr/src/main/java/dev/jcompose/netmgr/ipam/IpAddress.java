package dev.jcompose.netmgr.ipam;

import dev.jcompose.netmgr.api.NetworkException;
import java.math.BigInteger;
import java.util.Locale;

/**
 * An IPv4 or IPv6 address as an unsigned number, so that IPAM can treat both families alike. Parsed
 * without DNS lookups (a literal only: no zone, no host name); IPv6 is printed in the canonical
 * form of RFC 5952 (lower case, no leading zeros, the longest run of zero groups as {@code ::}), so
 * the same address always has the same text in state files and rules.
 */
public record IpAddress(BigInteger value, boolean v6) implements Comparable<IpAddress> {
  private static final BigInteger MAX6 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  public IpAddress {
    if (value.signum() < 0 || value.bitLength() > (v6 ? 128 : 32)) {
      throw new NetworkException(
          NetworkException.Kind.INVALID, "address value out of range: " + value);
    }
  }

  public static IpAddress v4(int address) {
    return new IpAddress(BigInteger.valueOf(Integer.toUnsignedLong(address)), false);
  }

  /** Dotted quad or IPv6 text; throws INVALID naming the text otherwise. */
  public static IpAddress parse(String text) {
    String t = text == null ? "" : text.strip();
    return t.contains(":") ? new IpAddress(parse6(t), true) : v4(Ipv4.parse(t));
  }

  /** Whether {@code text} is an address of either family. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (NetworkException e) {
      return false;
    }
  }

  public int bits() {
    return v6 ? 128 : 32;
  }

  /** The IPv4 address as an int (only for IPv4). */
  public int v4Int() {
    return value.intValue();
  }

  /** Network byte order: 4 or 16 bytes. */
  public byte[] bytes() {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[bits() / 8];
    int n = Math.min(raw.length, out.length);
    System.arraycopy(raw, raw.length - n, out, out.length - n, n);
    return out;
  }

  public static IpAddress ofBytes(byte[] bytes) {
    if (bytes.length != 4 && bytes.length != 16) {
      throw new NetworkException(
          NetworkException.Kind.INVALID, "an address has 4 or 16 bytes, not " + bytes.length);
    }
    return new IpAddress(new BigInteger(1, bytes), bytes.length == 16);
  }

  public IpAddress plus(long n) {
    return new IpAddress(value.add(BigInteger.valueOf(n)), v6);
  }

  @Override
  public int compareTo(IpAddress o) {
    return v6 != o.v6 ? Boolean.compare(v6, o.v6) : value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return v6 ? format6(value) : Ipv4.format(value.intValue());
  }

  private static BigInteger parse6(String text) {
    if (text.contains("%")
        || (text.contains("::") && text.indexOf("::") != text.lastIndexOf("::"))) {
      throw invalid(text);
    }
    String[] halves = text.split("::", -1);
    int[] head = groups(halves[0], text);
    int[] tail = halves.length == 2 ? groups(halves[1], text) : new int[0];
    boolean compressed = halves.length == 2;
    int count = head.length + tail.length;
    if (compressed ? count > 7 : count != 8) {
      throw invalid(text);
    }
    BigInteger v = BigInteger.ZERO;
    int[] all = new int[8];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
    for (int g : all) {
      v = v.shiftLeft(16).or(BigInteger.valueOf(g));
    }
    return v.and(MAX6);
  }

  /** Colon-separated hex groups; a trailing dotted quad counts as two groups (::ffff:192.0.2.1). */
  private static int[] groups(String part, String whole) {
    if (part.isEmpty()) {
      return new int[0];
    }
    String[] words = part.split(":", -1);
    boolean quad = words[words.length - 1].contains(".");
    int[] out = new int[words.length + (quad ? 1 : 0)];
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (quad && i == words.length - 1) {
        int a = Ipv4.parse(w);
        out[i] = a >>> 16;
        out[i + 1] = a & 0xffff;
      } else if (w.isEmpty()
          || w.length() > 4
          || !w.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        throw invalid(whole);
      } else {
        out[i] = Integer.parseInt(w, 16);
      }
    }
    return out;
  }

  private static String format6(BigInteger v) {
    int[] g = new int[8];
    for (int i = 7; i >= 0; i--) {
      g[i] = v.and(BigInteger.valueOf(0xffff)).intValue();
      v = v.shiftRight(16);
    }
    int bestStart = -1;
    int bestLen = 1; // RFC 5952 4.2.2: a single zero group is not compressed
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLen - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(g[i]));
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  private static NetworkException invalid(String text) {
    return new NetworkException(
        NetworkException.Kind.INVALID, "'" + text + "' is not an IPv6 address");
  }
}
