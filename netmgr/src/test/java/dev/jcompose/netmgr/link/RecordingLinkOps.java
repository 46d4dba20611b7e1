package dev.jcompose.netmgr.link;

import dev.jcompose.netmgr.ipam.Cidr;
import dev.jcompose.netmgr.ipam.TakenRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fake {@link LinkOps}: keeps links in a map and records every call as one line of text. */
public final class RecordingLinkOps implements LinkOps {
  public final List<String> calls = new ArrayList<>();
  public final Map<String, LinkInfo> links = new LinkedHashMap<>();
  public final List<TakenRange> hostRanges =
      new ArrayList<>(
          List.of(new TakenRange(Cidr.parse("192.0.2.0/24"), "host route 192.0.2.0/24 dev eth0")));
  public final Map<String, String> sysctls = new HashMap<>(Map.of("net.ipv4.ip_forward", "0"));

  @Override
  public void ensureBridge(BridgeConfig b) {
    calls.add(
        "bridge "
            + b.name()
            + " "
            + b.gatewayCidr()
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
            + " -> "
            + v.netnsPath()
            + " "
            + v.ifName()
            + " "
            + v.addressCidr()
            + " mac "
            + v.mac()
            + " default "
            + v.defaultGateway());
    links.put(v.hostName(), new LinkInfo(v.hostName(), "veth", v.alias()));
  }

  @Override
  public synchronized void deleteLink(String name) {
    calls.add("delete " + name);
    links.remove(name);
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
