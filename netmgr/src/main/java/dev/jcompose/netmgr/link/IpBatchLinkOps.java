package dev.jcompose.netmgr.link;

import dev.jcompose.netmgr.api.NetworkException;
import dev.jcompose.netmgr.ipam.Cidr;
import dev.jcompose.netmgr.ipam.TakenRange;
import dev.jcompose.netmgr.sys.Exec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link LinkOps} over iproute2 in batch mode: one {@code ip -batch -} process for the host side of
 * an operation and one {@code nsenter --net=PATH ip -batch -} for the inside of a container netns
 * ({@code ip -n} only accepts names under /var/run/netns, our namespaces are bind-mount paths).
 * Measured in the research notes: a batch costs about one process start (~1-3 ms) instead of one
 * per step. {@link NetlinkLinkOps} uses it for everything but the per-container hot path, and as
 * the whole implementation where libc cannot be bound.
 */
public final class IpBatchLinkOps implements LinkOps {
  private static final Path SYS_NET = Path.of("/sys/class/net");

  @Override
  public void ensureBridge(BridgeConfig b) {
    List<String> lines = new ArrayList<>();
    if (!exists(b.name())) {
      lines.add("link add " + b.name() + " type bridge");
    }
    lines.add("link set dev " + b.name() + " address " + b.mac() + " mtu " + b.mtu() + " alias " + b.alias());
    lines.add("addr replace " + b.gatewayCidr() + " dev " + b.name());
    lines.add("link set dev " + b.name() + " up");
    ip(lines);
    // Loose reverse-path filtering: strict mode drops replies on multi-network containers (netavark).
    setSysctl("net.ipv4.conf." + b.name() + ".rp_filter", "2");
    if (b.internal()) {
      setSysctl("net.ipv4.conf." + b.name() + ".forwarding", "0");
    }
  }

  @Override
  public void attachVeth(VethConfig v) {
    String mac = v.mac() == null || v.mac().isBlank() ? "" : " address " + v.mac();
    ip(List.of(
        "link add " + v.hostName() + " mtu " + v.mtu() + " type veth peer name " + v.ifName() + " mtu " + v.mtu()
            + mac + " netns " + v.netnsPath(),
        "link set dev " + v.hostName() + " master " + v.bridge() + " alias " + v.alias() + " up"));
    List<String> inside = new ArrayList<>(List.of(
        "link set dev lo up",
        "addr add " + v.addressCidr() + " dev " + v.ifName(),
        "link set dev " + v.ifName() + " up"));
    if (v.defaultGateway() != null) {
      inside.add("route replace default via " + v.defaultGateway() + " dev " + v.ifName());
    }
    try {
      Exec.run(List.of("nsenter", "--net=" + v.netnsPath(), "ip", "-batch", "-"), String.join("\n", inside) + "\n");
    } catch (NetworkException e) {
      deleteLink(v.hostName());
      throw e;
    }
  }

  @Override
  public void deleteLink(String name) {
    if (!exists(name)) {
      return;
    }
    Exec.Result r = Exec.tryRun(List.of("ip", "link", "del", "dev", name), "");
    // The peer may vanish concurrently when its netns is destroyed; only a surviving link is an error.
    if (r.exitCode() != 0 && exists(name)) {
      throw new NetworkException(NetworkException.Kind.INTERNAL, "cannot delete link " + name + ": " + r.stderr().strip());
    }
  }

  @Override
  public List<LinkInfo> listLinks(String aliasPrefix) {
    List<LinkInfo> out = new ArrayList<>();
    for (Object o : new JsonArray(Exec.run(List.of("ip", "-json", "-details", "link", "show"), ""))) {
      JsonObject link = (JsonObject) o;
      String alias = link.getString("ifalias", "");
      if (alias.startsWith(aliasPrefix)) {
        JsonObject info = link.getJsonObject("linkinfo", new JsonObject());
        out.add(new LinkInfo(link.getString("ifname"), info.getString("info_kind", ""), alias));
      }
    }
    return out;
  }

  @Override
  public List<TakenRange> hostRanges() {
    List<TakenRange> out = new ArrayList<>();
    for (Object o : new JsonArray(Exec.run(List.of("ip", "-json", "-4", "route", "show", "table", "main"), ""))) {
      JsonObject route = (JsonObject) o;
      String dst = route.getString("dst", "default");
      // Default and very wide routes (VPNs install 0.0.0.0/1) would make every pool unusable; docker
      // stopped checking them for that reason (moby#42598).
      if (!dst.equals("default")) {
        Cidr c = Cidr.parse(dst);
        if (c.prefix() >= 8) {
          out.add(new TakenRange(c, "host route " + dst + " dev " + route.getString("dev", "?")));
        }
      }
    }
    return out;
  }

  @Override
  public void setSysctl(String key, String value) {
    try {
      Files.writeString(sysctlPath(key), value + "\n");
    } catch (IOException e) {
      throw new NetworkException(NetworkException.Kind.PERMISSION, "cannot set sysctl " + key + "=" + value + ": " + e, e);
    }
  }

  @Override
  public String getSysctl(String key) {
    try {
      return Files.readString(sysctlPath(key)).strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static Path sysctlPath(String key) {
    return Path.of("/proc/sys", key.replace('.', '/'));
  }

  private static boolean exists(String link) {
    return Files.exists(SYS_NET.resolve(link));
  }

  private static void ip(List<String> lines) {
    Exec.run(List.of("ip", "-batch", "-"), String.join("\n", lines) + "\n");
  }
}
