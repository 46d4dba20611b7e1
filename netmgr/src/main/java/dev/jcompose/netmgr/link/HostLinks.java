package dev.jcompose.netmgr.link;

import dev.jcompose.netmgr.ipam.IpAddress;
import dev.jcompose.netmgr.ipam.IpPrefix;
import dev.jcompose.netmgr.ipam.TakenRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the host's network namespace holds, read by rtnetlink dumps (RTM_GETLINK, RTM_GETROUTE): the
 * links carrying an alias prefix and the routes of the main table. The caller serialises access to
 * the socket.
 */
final class HostLinks {
  private static final int RTM_GETLINK = 18;
  private static final int RTM_GETROUTE = 26;
  private static final int IFINFOMSG_SIZE = 16;
  private static final int RTMSG_SIZE = 12;
  private static final int AF_INET = 2;
  private static final int AF_INET6 = 10;
  private static final int RT_TABLE_MAIN = 254;
  private static final int IFLA_IFNAME = 3;
  private static final int IFLA_LINKINFO = 18;
  private static final int IFLA_IFALIAS = 20;
  private static final int IFLA_INFO_KIND = 1;
  private static final int RTA_DST = 1;
  private static final int RTA_OIF = 4;
  private static final int RTA_TABLE = 15;

  /**
   * Wider routes (VPNs install 0.0.0.0/1) would make every pool unusable; docker stopped checking
   * them (moby#42598).
   */
  private static final int NARROWEST_IGNORED_PREFIX = 8;

  private HostLinks() {}

  static List<LinkInfo> withAlias(NetlinkSocket s, String aliasPrefix) {
    List<LinkInfo> out = new ArrayList<>();
    for (NetlinkReply link : links(s)) {
      String alias = link.string(IFLA_IFALIAS);
      if (alias.startsWith(aliasPrefix)) {
        out.add(
            new LinkInfo(
                link.string(IFLA_IFNAME),
                NetlinkReply.string(link.nested(IFLA_LINKINFO), IFLA_INFO_KIND),
                alias));
      }
    }
    return out;
  }

  /**
   * IPv4 and IPv6 routes of the main table other than default routes and very wide ones, as {@code
   * ip route} and {@code ip -6 route} list them.
   */
  static List<TakenRange> routes(NetlinkSocket s) {
    Map<Integer, String> names = new HashMap<>();
    links(s).forEach(l -> names.put(l.headerInt(4), l.string(IFLA_IFNAME)));
    List<TakenRange> out = new ArrayList<>();
    for (int family : new int[] {AF_INET, AF_INET6}) {
      for (NetlinkReply r :
          s.dump(
              NetlinkMessage.dump(RTM_GETROUTE, s.nextSeq()).rtmsgFamily(family),
              RTMSG_SIZE,
              "list routes")) {
        int table = r.has(RTA_TABLE) ? r.u32(RTA_TABLE) : r.headerByte(4);
        int prefix = r.headerByte(1);
        if (r.headerByte(0) != family
            || table != RT_TABLE_MAIN
            || !r.has(RTA_DST)
            || prefix < NARROWEST_IGNORED_PREFIX) {
          continue;
        }
        IpPrefix dst = new IpPrefix(IpAddress.ofBytes(r.bytes(RTA_DST)), prefix);
        String dev = r.has(RTA_OIF) ? names.getOrDefault(r.u32(RTA_OIF), "?") : "?";
        out.add(new TakenRange(dst, "host route " + dst + " dev " + dev));
      }
    }
    return out;
  }

  private static List<NetlinkReply> links(NetlinkSocket s) {
    return s.dump(
        NetlinkMessage.dump(RTM_GETLINK, s.nextSeq()).ifinfo(0, 0, 0),
        IFINFOMSG_SIZE,
        "list links");
  }
}
