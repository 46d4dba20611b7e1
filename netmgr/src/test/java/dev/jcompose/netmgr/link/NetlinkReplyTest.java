package dev.jcompose.netmgr.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Parsing of rtnetlink answers, on messages built the way the kernel lays them out. */
class NetlinkReplyTest {

  @Test
  void link_nameAliasAndNestedKind_areRead() {
    NetlinkMessage m =
        NetlinkMessage.get(16, 7)
            .ifinfo(42, 1, 0)
            .string(3, "jcb0123456789")
            .string(20, "jcompose:ab:net:p_default");
    int info = m.begin(18);
    m.string(1, "bridge").end(info);

    NetlinkReply r =
        NetlinkReply.parse(ByteBuffer.wrap(m.toBytes()).order(ByteOrder.nativeOrder()), 16);

    assertThat(r.type()).isEqualTo(16);
    assertThat(r.headerInt(4)).isEqualTo(42);
    assertThat(r.string(3)).isEqualTo("jcb0123456789");
    assertThat(r.string(20)).isEqualTo("jcompose:ab:net:p_default");
    assertThat(NetlinkReply.string(r.nested(18), 1)).isEqualTo("bridge");
    assertThat(r.string(99)).isEmpty();
  }

  @Test
  void route_destinationTableAndOutputLink_areRead() {
    NetlinkMessage m =
        NetlinkMessage.get(24, 1).rtmsg(24).ipv4(1, 0xac1d0000).u32(15, 254).u32(4, 3);

    NetlinkReply r =
        NetlinkReply.parse(ByteBuffer.wrap(m.toBytes()).order(ByteOrder.nativeOrder()), 12);

    assertThat(r.headerByte(0)).isEqualTo(2);
    assertThat(r.headerByte(1)).isEqualTo(24);
    assertThat(r.ipv4(1)).isEqualTo(0xac1d0000);
    assertThat(r.u32(15)).isEqualTo(254);
    assertThat(r.u32(4)).isEqualTo(3);
  }

  @Test
  void truncatedAttribute_isIgnored_notReadPastTheEnd() {
    byte[] wire = NetlinkMessage.get(16, 1).ifinfo(1, 0, 0).string(3, "eth0").toBytes();
    ByteBuffer cut =
        ByteBuffer.wrap(wire, 0, wire.length - 4).slice().order(ByteOrder.nativeOrder());

    assertThat(NetlinkReply.parse(cut, 16).has(3)).isFalse();
  }
}
