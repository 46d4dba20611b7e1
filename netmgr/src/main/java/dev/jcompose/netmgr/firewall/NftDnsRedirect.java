package dev.jcompose.netmgr.firewall;

import dev.jcompose.netmgr.link.NetlinkMessage;
import dev.jcompose.netmgr.link.NetlinkSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link DnsRedirect#nft}'s table written straight to nf_tables over netlink (one batch, one
 * transaction) from the engine, instead of starting {@code nsenter ... nft -f -} for every
 * container: that process pair cost ~20 ms of a container's create on this host, most of a
 * 20-service {@code up}'s network time. The messages are what nft itself sends for those rules
 * (linux/netfilter/nf_tables.h; `nft --debug=netlink` prints the same expressions): a DNAT of
 * 127.0.0.11:53 to the resolver's ports in the output hook, and the SNAT back in postrouting.
 * {@code RedirectDnsRootTest} checks that nft lists the result as the text rules.
 */
final class NftDnsRedirect {
  private static final int NETLINK_NETFILTER = 12;
  private static final int NFPROTO_IPV4 = 2;
  private static final int NFNL_SUBSYS_NFTABLES = 10;
  private static final int NFNL_MSG_BATCH_BEGIN = 0x10;
  private static final int NFNL_MSG_BATCH_END = 0x11;
  private static final int NFT_MSG_NEWTABLE = 0;
  private static final int NFT_MSG_DELTABLE = 2;
  private static final int NFT_MSG_NEWCHAIN = 3;
  private static final int NFT_MSG_NEWRULE = 6;
  // attributes
  private static final int NFTA_TABLE_NAME = 1;
  private static final int NFTA_CHAIN_TABLE = 1;
  private static final int NFTA_CHAIN_NAME = 3;
  private static final int NFTA_CHAIN_HOOK = 4;
  private static final int NFTA_CHAIN_POLICY = 5;
  private static final int NFTA_CHAIN_TYPE = 7;
  private static final int NFTA_HOOK_HOOKNUM = 1;
  private static final int NFTA_HOOK_PRIORITY = 2;
  private static final int NFTA_RULE_TABLE = 1;
  private static final int NFTA_RULE_CHAIN = 2;
  private static final int NFTA_RULE_EXPRESSIONS = 4;
  private static final int NFTA_LIST_ELEM = 1;
  private static final int NFTA_EXPR_NAME = 1;
  private static final int NFTA_EXPR_DATA = 2;
  private static final int NFTA_DATA_VALUE = 1;
  // hooks, verdicts, registers, expression values
  private static final int NF_INET_LOCAL_OUT = 3;
  private static final int NF_INET_POST_ROUTING = 4;
  private static final int NF_ACCEPT = 1;
  private static final int REG_1 = 1;
  private static final int REG_2 = 2;
  private static final int BASE_NETWORK = 1;
  private static final int BASE_TRANSPORT = 2;
  private static final int META_L4PROTO = 16;
  private static final int CMP_EQ = 0;
  private static final int NAT_SNAT = 0;
  private static final int NAT_DNAT = 1;
  private static final int IPPROTO_TCP = 6;
  private static final int IPPROTO_UDP = 17;
  private static final int IPV4_SADDR = 12;
  private static final int IPV4_DADDR = 16;
  private static final byte[] RESOLVER = {127, 0, 0, 11};
  private static final int DNS_PORT = 53;
  private static final String TABLE = "jcompose_dns";

  private NftDnsRedirect() {}

  /** Replaces the table in the netns at {@code netns} (declare, delete, add: one transaction). */
  static void apply(Path netns, int udpPort, int tcpPort) {
    try (NetlinkSocket s = NetlinkSocket.inNamespace(netns, NETLINK_NETFILTER)) {
      s.batch(messages(udpPort, tcpPort), "nf_tables DNS redirect in " + netns);
    }
  }

  static List<NetlinkMessage> messages(int udpPort, int tcpPort) {
    List<NetlinkMessage> out = new ArrayList<>();
    int[] seq = {0};
    out.add(
        NetlinkMessage.withFlags(NFNL_MSG_BATCH_BEGIN, 0, ++seq[0]).nfgen(0, NFNL_SUBSYS_NFTABLES));
    out.add(table(NFT_MSG_NEWTABLE, NetlinkMessage.NLM_F_CREATE, ++seq[0]));
    out.add(table(NFT_MSG_DELTABLE, 0, ++seq[0]));
    out.add(table(NFT_MSG_NEWTABLE, NetlinkMessage.NLM_F_CREATE, ++seq[0]));
    out.add(chain("output", NF_INET_LOCAL_OUT, -100, ++seq[0]));
    out.add(chain("postrouting", NF_INET_POST_ROUTING, 100, ++seq[0]));
    out.add(rule("output", NAT_DNAT, IPPROTO_UDP, DNS_PORT, udpPort, ++seq[0]));
    out.add(rule("output", NAT_DNAT, IPPROTO_TCP, DNS_PORT, tcpPort, ++seq[0]));
    out.add(rule("postrouting", NAT_SNAT, IPPROTO_UDP, udpPort, DNS_PORT, ++seq[0]));
    out.add(rule("postrouting", NAT_SNAT, IPPROTO_TCP, tcpPort, DNS_PORT, ++seq[0]));
    out.add(
        NetlinkMessage.withFlags(NFNL_MSG_BATCH_END, 0, ++seq[0]).nfgen(0, NFNL_SUBSYS_NFTABLES));
    return out;
  }

  private static NetlinkMessage nft(int type, int flags, int seq) {
    return NetlinkMessage.withFlags(
            (NFNL_SUBSYS_NFTABLES << 8) | type, flags | NetlinkMessage.NLM_F_ACK, seq)
        .nfgen(NFPROTO_IPV4, 0);
  }

  private static NetlinkMessage table(int type, int flags, int seq) {
    return nft(type, flags, seq).string(NFTA_TABLE_NAME, TABLE);
  }

  private static NetlinkMessage chain(String name, int hook, int priority, int seq) {
    NetlinkMessage m =
        nft(NFT_MSG_NEWCHAIN, NetlinkMessage.NLM_F_CREATE, seq)
            .string(NFTA_CHAIN_TABLE, TABLE)
            .string(NFTA_CHAIN_NAME, name);
    int h = m.nest(NFTA_CHAIN_HOOK);
    m.be32(NFTA_HOOK_HOOKNUM, hook).be32(NFTA_HOOK_PRIORITY, priority).end(h);
    return m.be32(NFTA_CHAIN_POLICY, NF_ACCEPT).string(NFTA_CHAIN_TYPE, "nat");
  }

  /**
   * DNAT: {@code ip daddr 127.0.0.11 <proto> dport <match> dnat to 127.0.0.11:<to>}; SNAT: {@code
   * ip saddr 127.0.0.11 <proto> sport <match> snat to 127.0.0.11:<to>}.
   */
  private static NetlinkMessage rule(
      String chain, int natType, int protocol, int matchPort, int toPort, int seq) {
    boolean dnat = natType == NAT_DNAT;
    NetlinkMessage m =
        nft(NFT_MSG_NEWRULE, NetlinkMessage.NLM_F_CREATE | NetlinkMessage.NLM_F_APPEND, seq)
            .string(NFTA_RULE_TABLE, TABLE)
            .string(NFTA_RULE_CHAIN, chain);
    int list = m.nest(NFTA_RULE_EXPRESSIONS);
    payload(m, BASE_NETWORK, dnat ? IPV4_DADDR : IPV4_SADDR, 4);
    cmp(m, RESOLVER);
    int[] e = expr(m, "meta");
    m.be32(1 /* DREG */, REG_1).be32(2 /* KEY */, META_L4PROTO);
    close(m, e);
    cmp(m, new byte[] {(byte) protocol});
    payload(m, BASE_TRANSPORT, dnat ? 2 : 0, 2); // destination / source port
    cmp(m, port(matchPort));
    immediate(m, REG_1, RESOLVER);
    immediate(m, REG_2, port(toPort));
    e = expr(m, "nat");
    m.be32(1 /* TYPE */, natType)
        .be32(2 /* FAMILY */, NFPROTO_IPV4)
        .be32(3 /* REG_ADDR_MIN */, REG_1)
        .be32(5 /* REG_PROTO_MIN */, REG_2);
    close(m, e);
    return m.end(list);
  }

  private static void payload(NetlinkMessage m, int base, int offset, int length) {
    int[] e = expr(m, "payload");
    m.be32(1 /* DREG */, REG_1).be32(2 /* BASE */, base).be32(3 /* OFFSET */, offset);
    m.be32(4 /* LEN */, length);
    close(m, e);
  }

  private static void cmp(NetlinkMessage m, byte[] value) {
    int[] e = expr(m, "cmp");
    m.be32(1 /* SREG */, REG_1).be32(2 /* OP */, CMP_EQ);
    int d = m.nest(3 /* DATA */);
    m.bytes(NFTA_DATA_VALUE, value).end(d);
    close(m, e);
  }

  private static void immediate(NetlinkMessage m, int register, byte[] value) {
    int[] e = expr(m, "immediate");
    m.be32(1 /* DREG */, register);
    int d = m.nest(2 /* DATA */);
    m.bytes(NFTA_DATA_VALUE, value).end(d);
    close(m, e);
  }

  /**
   * Opens one list element with the expression's name and its data nest; {@link #close} ends both.
   */
  private static int[] expr(NetlinkMessage m, String name) {
    int elem = m.nest(NFTA_LIST_ELEM);
    m.string(NFTA_EXPR_NAME, name);
    return new int[] {elem, m.nest(NFTA_EXPR_DATA)};
  }

  private static void close(NetlinkMessage m, int[] nests) {
    m.end(nests[1]).end(nests[0]);
  }

  private static byte[] port(int port) {
    return ByteBuffer.allocate(2).putShort((short) port).array();
  }
}
