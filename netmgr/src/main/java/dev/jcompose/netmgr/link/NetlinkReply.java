package dev.jcompose.netmgr.link;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One rtnetlink message as the kernel sent it: its type, the fixed header that follows the nlmsghdr
 * ({@code headerSize} bytes: ifinfomsg, rtmsg, …) and its attributes by type, nested ones parsed on
 * demand. Only what netmgr reads; values are copies, the receive buffer is reused.
 */
final class NetlinkReply {
  static final int NLMSG_HDRLEN = 16;
  private final int type;
  private final ByteBuffer header;
  private final Map<Integer, ByteBuffer> attributes;

  private NetlinkReply(int type, ByteBuffer header, Map<Integer, ByteBuffer> attributes) {
    this.type = type;
    this.header = header;
    this.attributes = attributes;
  }

  /** Parses the message at {@code message} (positioned at its nlmsghdr, limited to its length). */
  static NetlinkReply parse(ByteBuffer message, int headerSize) {
    ByteBuffer m = message.slice().order(ByteOrder.nativeOrder());
    int type = m.getShort(4) & 0xffff;
    ByteBuffer header = slice(m, NLMSG_HDRLEN, headerSize);
    return new NetlinkReply(
        type, header, attributes(m, align(NLMSG_HDRLEN + headerSize), m.limit()));
  }

  int type() {
    return type;
  }

  /** A byte of the fixed header (e.g. rtm_dst_len at 1, rtm_table at 4). */
  int headerByte(int offset) {
    return header.get(offset) & 0xff;
  }

  /** A 32-bit field of the fixed header (e.g. ifi_index at 4). */
  int headerInt(int offset) {
    return header.getInt(offset);
  }

  boolean has(int attribute) {
    return attributes.containsKey(attribute);
  }

  /** A string attribute without its terminating NUL; "" when absent. */
  String string(int attribute) {
    ByteBuffer b = attributes.get(attribute);
    if (b == null) {
      return "";
    }
    byte[] bytes = new byte[b.remaining()];
    b.duplicate().get(bytes);
    int end = 0;
    while (end < bytes.length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  int u32(int attribute) {
    return attributes.get(attribute).getInt(0);
  }

  /** An IPv4 address attribute (network byte order) as an int. */
  int ipv4(int attribute) {
    return attributes.get(attribute).duplicate().order(ByteOrder.BIG_ENDIAN).getInt(0);
  }

  /** A raw attribute's bytes (an address of either family, in network byte order). */
  byte[] bytes(int attribute) {
    ByteBuffer b = attributes.get(attribute);
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }

  /** The attributes nested inside {@code attribute} (empty when absent). */
  Map<Integer, ByteBuffer> nested(int attribute) {
    ByteBuffer b = attributes.get(attribute);
    return b == null ? Map.of() : attributes(b, 0, b.limit());
  }

  /** The string value of a nested attribute; "" when absent. */
  static String string(Map<Integer, ByteBuffer> nested, int attribute) {
    return new NetlinkReply(0, ByteBuffer.allocate(0), nested).string(attribute);
  }

  private static Map<Integer, ByteBuffer> attributes(ByteBuffer b, int from, int to) {
    Map<Integer, ByteBuffer> out = new HashMap<>();
    int at = from;
    while (at + 4 <= to) {
      int len = b.getShort(at) & 0xffff;
      if (len < 4 || at + len > to) {
        break; // malformed or truncated: keep what was complete
      }
      // NLA_F_NESTED and NLA_F_NET_BYTEORDER live in the top bits of the type.
      out.putIfAbsent(b.getShort(at + 2) & 0x3fff, slice(b, at + 4, len - 4));
      at += align(len);
    }
    return out;
  }

  private static ByteBuffer slice(ByteBuffer b, int offset, int length) {
    ByteBuffer copy = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
    for (int i = 0; i < length; i++) {
      copy.put(i, b.get(offset + i));
    }
    return copy;
  }

  static int align(int n) {
    return (n + 3) & ~3;
  }
}
