package dev.jcompose.netmgr.link;

import dev.jcompose.netmgr.ipam.IpAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds one rtnetlink request (nlmsghdr + fixed header + attributes, 4-byte aligned, host byte
 * order) as rtnetlink(7) describes. Nested attributes are opened with {@link #begin} and closed
 * with {@link #end}, which back-fills their length.
 */
public final class NetlinkMessage {
  static final int NLM_F_REQUEST = 0x1;
  public static final int NLM_F_ACK = 0x4;

  /** NLM_F_ROOT | NLM_F_MATCH: every object of the type. */
  static final int NLM_F_DUMP = 0x300;

  static final int NLM_F_REPLACE = 0x100;
  static final int NLM_F_EXCL = 0x200;
  public static final int NLM_F_CREATE = 0x400;
  public static final int NLM_F_APPEND = 0x800;
  private static final int NLA_F_NESTED = 0x8000;
  private final ByteBuffer buf = ByteBuffer.allocate(4096).order(ByteOrder.nativeOrder());

  /** A request that the kernel acknowledges (NLM_F_ACK). */
  NetlinkMessage(int type, int flags, int seq) {
    this(type, flags | NLM_F_ACK, seq, true);
  }

  private NetlinkMessage(int type, int flags, int seq, boolean unused) {
    buf.putInt(0)
        .putShort((short) type)
        .putShort((short) (flags | NLM_F_REQUEST))
        .putInt(seq)
        .putInt(0);
  }

  /** A request with exactly {@code flags} (plus NLM_F_REQUEST): nfnetlink batches. */
  public static NetlinkMessage withFlags(int type, int flags, int seq) {
    return new NetlinkMessage(type, flags, seq, true);
  }

  /**
   * struct nfgenmsg (netfilter/nfnetlink.h): family, version 0, resource id in network byte order.
   */
  public NetlinkMessage nfgen(int family, int resId) {
    buf.put((byte) family).put((byte) 0).order(ByteOrder.BIG_ENDIAN).putShort((short) resId);
    buf.order(ByteOrder.nativeOrder());
    return this;
  }

  /** A 32-bit attribute in network byte order, as nf_tables reads its numbers. */
  public NetlinkMessage be32(int type, int value) {
    return bytes(type, ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt(value).array());
  }

  /** Opens a nested attribute marked NLA_F_NESTED; close it with {@link #end}. */
  public int nest(int type) {
    return begin(type | NLA_F_NESTED);
  }

  /** A get request: the kernel answers with the object itself, no separate ACK. */
  static NetlinkMessage get(int type, int seq) {
    return new NetlinkMessage(type, 0, seq, true);
  }

  /** A dump request: the kernel answers with every object, then NLMSG_DONE. */
  static NetlinkMessage dump(int type, int seq) {
    return new NetlinkMessage(type, NLM_F_DUMP, seq, true);
  }

  /** struct ifinfomsg. */
  NetlinkMessage ifinfo(int index, int flags, int change) {
    buf.put((byte) 0).put((byte) 0).putShort((short) 0).putInt(index).putInt(flags).putInt(change);
    return this;
  }

  /**
   * struct ifaddrmsg: family AF_INET (2) or AF_INET6 (10), prefix length, IFA_F_* flags, link
   * index.
   */
  NetlinkMessage ifaddr(int family, int prefix, int flags, int index) {
    buf.put((byte) family).put((byte) prefix).put((byte) flags).put((byte) 0).putInt(index);
    return this;
  }

  /**
   * struct rtmsg: a unicast route of {@code family} in the main table, proto boot (as ip route),
   * universe scope through a gateway or link scope straight out of a device.
   */
  NetlinkMessage rtmsg(int family, int dstLen, boolean viaGateway) {
    buf.put((byte) family)
        .put((byte) dstLen)
        .put((byte) 0)
        .put((byte) 0)
        .put((byte) 254)
        .put((byte) 3)
        .put((byte) (viaGateway ? 0 : 253))
        .put((byte) 1)
        .putInt(0);
    return this;
  }

  /** struct rtmsg of a dump request: only the family is read (AF_INET = 2). */
  NetlinkMessage rtmsgFamily(int family) {
    buf.put((byte) family).put(new byte[11]);
    return this;
  }

  public NetlinkMessage string(int type, String value) {
    return bytes(type, (value + "\0").getBytes(StandardCharsets.UTF_8));
  }

  NetlinkMessage u32(int type, int value) {
    return bytes(type, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array());
  }

  /** An IPv4 address attribute (network byte order). */
  NetlinkMessage ipv4(int type, int address) {
    return bytes(type, ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt(address).array());
  }

  /** An address attribute of either family (network byte order). */
  NetlinkMessage address(int type, IpAddress address) {
    return bytes(type, address.bytes());
  }

  NetlinkMessage u16(int type, int value) {
    return bytes(
        type,
        ByteBuffer.allocate(2).order(ByteOrder.nativeOrder()).putShort((short) value).array());
  }

  NetlinkMessage u8(int type, int value) {
    return bytes(type, new byte[] {(byte) value});
  }

  public NetlinkMessage bytes(int type, byte[] value) {
    buf.putShort((short) (4 + value.length)).putShort((short) type).put(value);
    align();
    return this;
  }

  /** Opens a nested attribute; returns its offset for {@link #end}. */
  int begin(int type) {
    int start = buf.position();
    buf.putShort((short) 0).putShort((short) type);
    return start;
  }

  public NetlinkMessage end(int start) {
    buf.putShort(start, (short) (buf.position() - start));
    return this;
  }

  byte[] toBytes() {
    buf.putInt(0, buf.position());
    byte[] out = new byte[buf.position()];
    buf.duplicate().flip().get(out);
    return out;
  }

  private void align() {
    while (buf.position() % 4 != 0) {
      buf.put((byte) 0);
    }
  }
}
