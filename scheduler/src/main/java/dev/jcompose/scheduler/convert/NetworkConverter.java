package dev.jcompose.scheduler.convert;

import dev.jcompose.model.api.Network;
import dev.jcompose.model.api.NetworkMode;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceNetworking;
import dev.jcompose.netmgr.api.AttachRequest;
import dev.jcompose.netmgr.api.NetworkSpec;
import dev.jcompose.netmgr.api.PortBinding;
import dev.jcompose.scheduler.names.Labels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Compose networks, service network attachments and ports to netmgr specs. */
public final class NetworkConverter {
  private NetworkConverter() {}

  /** The spec of a (non-external) project network, labelled with project and key. */
  public static NetworkSpec networkSpec(Project p, Network n) {
    List<NetworkSpec.Subnet> subnets = new ArrayList<>();
    if (n.ipam() != null && n.ipam().config() != null) {
      n.ipam()
          .config()
          .forEach(c -> subnets.add(new NetworkSpec.Subnet(c.subnet(), c.ipRange(), c.gateway())));
    }
    Map<String, String> labels = new LinkedHashMap<>(n.labels() == null ? Map.of() : n.labels());
    labels.put(Labels.PROJECT, p.name());
    labels.put(Labels.NETWORK, n.key());
    Map<String, String> opts = n.driverOpts() == null ? Map.of() : n.driverOpts();
    String mtu = opts.get("com.docker.network.driver.mtu");
    return new NetworkSpec(
        n.name(), n.internal(), subnets, mtu == null ? null : Integer.valueOf(mtu), opts, labels);
  }

  /** Network keys the service attaches to, in connection order (priority desc, then key). */
  public static List<String> serviceNetworkKeys(Project p, Service s) {
    if (s.networking().mode().kind() != NetworkMode.Kind.BRIDGE) {
      return List.of();
    }
    Map<String, ServiceNetworking.Attachment> nets = s.networking().networks();
    if (nets.isEmpty()) {
      return p.networks().containsKey("default") ? List.of("default") : List.of();
    }
    return nets.keySet().stream()
        .sorted(Comparator.comparingInt((String k) -> -priority(nets.get(k))).thenComparing(k -> k))
        .toList();
  }

  /** One attach request per network, eth0 first; the first network carries the default route. */
  public static List<AttachRequest> attachRequests(
      Project p, Service s, String containerName, String hostname, Path netns) {
    return attachRequests(p, s, containerName, hostname, netns, true);
  }

  /**
   * With {@code aliases} false (a one-off without {@code --use-aliases}, as docker compose makes
   * it) the container answers only to its name and hostname, not to the service's name and aliases.
   */
  public static List<AttachRequest> attachRequests(
      Project p, Service s, String containerName, String hostname, Path netns, boolean aliases) {
    List<AttachRequest> out = new ArrayList<>();
    List<String> keys = serviceNetworkKeys(p, s);
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      ServiceNetworking.Attachment sn = s.networking().networks().get(key);
      LinkedHashSet<String> names = new LinkedHashSet<>();
      if (aliases) {
        names.add(s.name());
      }
      names.add(containerName);
      names.add(hostname);
      if (sn != null && aliases) {
        names.addAll(sn.aliases());
      }
      s.networking().links().forEach(l -> names.add(l.alias()));
      out.add(
          new AttachRequest(
              containerName,
              networkName(p, key),
              netns,
              "eth" + i,
              sn == null ? null : sn.ipv4Address(),
              sn == null ? null : sn.macAddress(),
              List.copyOf(names),
              i == 0));
    }
    return out;
  }

  public static String networkName(Project p, String key) {
    Network n = p.networks().get(key);
    return n != null && n.name() != null ? n.name() : p.name() + "_" + key;
  }

  /** Published ports; a published range maps to its first port, no published port = random. */
  public static List<PortBinding> portBindings(
      List<ServiceNetworking.Port> ports, String containerIp) {
    List<PortBinding> out = new ArrayList<>();
    for (ServiceNetworking.Port port : ports) {
      if ("host".equals(port.mode()) && port.published() == null) {
        continue;
      }
      int hostPort = port.published() == null ? 0 : port.published().start();
      out.add(
          new PortBinding(
              port.hostIp() == null ? "" : port.hostIp(),
              hostPort,
              containerIp,
              port.target(),
              port.protocol().id()));
    }
    return out;
  }

  private static int priority(ServiceNetworking.Attachment sn) {
    return sn == null ? 0 : sn.priorityOrZero();
  }
}
