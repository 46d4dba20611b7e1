package dev.jcompose.netmgr.link;

import dev.jcompose.netmgr.ipam.IpPrefix;
import dev.jcompose.netmgr.ipam.TakenRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Fake {@link LinkOps}: keeps links in a map and records every call as one line of text. */
public final class RecordingLinkOps implements LinkOps {
  public final List<String> calls = new ArrayList<>();
  public final Map<String, LinkInfo> links = new LinkedHashMap<>();

  /** Host interfaces that are not jcompose's (a macvlan parent, a user's bridge). */
  public final Set<String> hostLinks = ConcurrentHashMap.newKeySet();

  public final List<TakenRange> hostRanges =
      new ArrayList<>(
          List.of(
              new TakenRange(IpPrefix.parse("192.0.2.0/24"), "host route 192.0.2.0/24 dev eth0"),
              new TakenRange(IpPrefix.parse("fd00::/64"), "host route fd00::/64 dev eth0")));
  public final Map<String, String> sysctls =
      new HashMap<>(Map.of("net.ipv4.ip_forward", "0", "net.ipv6.conf.all.forwarding", "0"));

  @Override
  public void ensureBridge(BridgeConfig b) {
    calls.add(
        "bridge "
            + b.name()
            + " "
            + b.gatewayCidr()
            + (b.gateway6Cidr() == null ? "" : " " + b.gateway6Cidr())
            + " mtu "
            + b.mtu()
            + (b.internal() ? " internal" : ""));
    links.put(b.name(), new LinkInfo(b.name(), "bridge", b.alias()));
  }

  @Override
  public synchronized void attachVeth(VethConfig v) {
    calls.add(
        "veth "
            + v.hostName()
            + " master "
            + v.bridge()
            + (v.isolated() ? " isolated" : "")
            + " -> "
            + inside(v.inside()));
    links.put(v.hostName(), new LinkInfo(v.hostName(), "veth", v.alias()));
  }

  @Override
  public synchronized void attachSublink(SublinkConfig l) {
    calls.add(
        l.kind()
            + " of "
            + l.parent()
            + " mode "
            + l.mode()
            + (l.flag() == null ? "" : " flag " + l.flag())
            + " -> "
            + inside(l.inside()));
  }

  private static String inside(InsideConfig in) {
    return in.netnsPath()
        + " "
        + in.ifName()
        + " "
        + in.addressCidr()
        + (in.address6Cidr() == null ? "" : " " + in.address6Cidr())
        + " mac "
        + in.mac()
        + " mtu "
        + in.mtu()
        + " default "
        + (in.deviceRoute() ? "dev " + in.ifName() : in.gateway())
        + (in.gateway6() == null ? "" : " default6 " + in.gateway6())
        + (in.linkLocalCidrs().isEmpty()
            ? ""
            : " linklocal " + String.join(" ", in.linkLocalCidrs()));
  }

  @Override
  public synchronized void deleteLink(String name) {
    calls.add("delete " + name);
    links.remove(name);
  }

  @Override
  public boolean exists(String name) {
    return links.containsKey(name) || hostLinks.contains(name);
  }

  @Override
  public List<LinkInfo> listLinks(String aliasPrefix) {
    return links.values().stream().filter(l -> l.alias().startsWith(aliasPrefix)).toList();
  }

  @Override
  public List<TakenRange> hostRanges() {
    return List.copyOf(hostRanges);
  }

  @Override
  public void setSysctl(String key, String value) {
    calls.add("sysctl " + key + "=" + value);
    sysctls.put(key, value);
  }

  @Override
  public String getSysctl(String key) {
    return sysctls.getOrDefault(key, "");
  }
}
