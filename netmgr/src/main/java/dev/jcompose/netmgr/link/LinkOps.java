package dev.jcompose.netmgr.link;

import dev.jcompose.netmgr.ipam.TakenRange;
import java.util.List;

/**
 * The one door from netmgr to kernel links, addresses and routes. {@link NetlinkLinkOps} is the
 * real implementation (rtnetlink only: no name or address ever passes through a command parser);
 * tests use a recorder. Every method is idempotent where the kernel allows (deleting a missing link
 * is not an error) so crash recovery can simply replay.
 */
public interface LinkOps {

  /** Creates (or re-creates if absent) a bridge with its gateway addresses, up. */
  void ensureBridge(BridgeConfig bridge);

  /**
   * Creates a veth pair: host end on the bridge, peer moved into the netns, addressed, routed. Must
   * be thread-safe: the manager attaches many containers at once, outside its lock.
   */
  void attachVeth(VethConfig veth);

  /**
   * Creates a macvlan/ipvlan link of a host interface inside the netns, addressed, routed.
   * Thread-safe.
   */
  void attachSublink(SublinkConfig link);

  /** Deletes a link (bridge or host veth end); no error if it is already gone. Thread-safe. */
  void deleteLink(String name);

  /** Whether a link of that name exists in the host's namespace. */
  boolean exists(String name);

  /** Links on the host whose alias starts with {@code aliasPrefix}. */
  List<LinkInfo> listLinks(String aliasPrefix);

  /** IPv4 and IPv6 host routes that a new subnet must not overlap. */
  List<TakenRange> hostRanges();

  /** Writes a sysctl under /proc/sys (key with dots, e.g. net.ipv4.ip_forward). */
  void setSysctl(String key, String value);

  /** Reads a sysctl, or "" if absent. */
  String getSysctl(String key);
}
