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
        NetlinkMessage.get(24, 1).rtmsg(2, 24, true).ipv4(1, 0xac1d0000).u32(15, 254).u32(4, 3);

    NetlinkReply r =
        NetlinkReply.parse(ByteBuffer.wrap(m.toBytes()).order(ByteOrder.nativeOrder()), 12);

    assertThat(r.headerByte(0)).isEqualTo(2);
    assertThat(r.headerByte(1)).isEqualTo(24);
    assertThat(r.ipv4(1)).isEqualTo(0xac1d0000);
    assertThat(r.u32(15)).isEqualTo(254);
    assertThat(r.u32(4)).isEqualTo(3);
  }

  @Test
  void ipvlanLink_kindModeFlagParentAndNamespace_encodedAsTheKernelReadsThem() {
    SublinkConfig l =
        new SublinkConfig(
            "ipvlan",
            "eth9",
            "l3s",
            "private",
            new InsideConfig(
                java.nio.file.Path.of("/run/netns/x"),
                "eth1",
                null,
                1400,
                "10.0.0.2/24",
                null,
                null,
                null,
                true));

    NetlinkReply r =
        NetlinkReply.parse(
            ByteBuffer.wrap(NetlinkLinkOps.sublinkMessage(l, 7, 33, 1).toBytes())
                .order(ByteOrder.nativeOrder()),
            16);

    assertThat(r.string(3)).isEqualTo("eth1");
    assertThat(r.u32(5)).isEqualTo(7); // IFLA_LINK: the parent's index
    assertThat(r.u32(28)).isEqualTo(33); // IFLA_NET_NS_FD
    assertThat(r.u32(4)).isEqualTo(1400);
    assertThat(r.has(1)).isFalse(); // no MAC: ipvlan links share the parent's
    assertThat(NetlinkReply.string(r.nested(18), 1)).isEqualTo("ipvlan");
    ByteBuffer data = r.nested(18).get(2);
    assertThat(data.getShort(4)).isEqualTo((short) 2); // IFLA_IPVLAN_MODE l3s
    assertThat(data.getShort(12)).isEqualTo((short) 1); // IFLA_IPVLAN_FLAGS private
  }

  @Test
  void macvlanLink_modeAndMac_encoded() {
    SublinkConfig l =
        new SublinkConfig(
            "macvlan",
            "eth9",
            "vepa",
            null,
            new InsideConfig(
                java.nio.file.Path.of("/run/netns/x"),
                "eth0",
                "02:42:0a:00:00:02",
                0,
                "10.0.0.2/24",
                null,
                null,
                null,
                false));

    NetlinkReply r =
        NetlinkReply.parse(
            ByteBuffer.wrap(NetlinkLinkOps.sublinkMessage(l, 7, 33, 1).toBytes())
                .order(ByteOrder.nativeOrder()),
            16);

    assertThat(r.has(4)).isFalse(); // MTU 0: the parent's
    assertThat(r.bytes(1)).containsExactly(2, 0x42, 10, 0, 0, 2);
    assertThat(NetlinkReply.string(r.nested(18), 1)).isEqualTo("macvlan");
    assertThat(r.nested(18).get(2).getInt(4)).isEqualTo(2); // IFLA_MACVLAN_MODE vepa
  }

  @Test
  void truncatedAttribute_isIgnored_notReadPastTheEnd() {
    byte[] wire = NetlinkMessage.get(16, 1).ifinfo(1, 0, 0).string(3, "eth0").toBytes();
    ByteBuffer cut =
        ByteBuffer.wrap(wire, 0, wire.length - 4).slice().order(ByteOrder.nativeOrder());

    assertThat(NetlinkReply.parse(cut, 16).has(3)).isFalse();
  }
}
