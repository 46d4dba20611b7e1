package dev.jcompose.scheduler.convert;

import dev.jcompose.model.api.Network;
import dev.jcompose.model.api.NetworkMode;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceNetworking;
import dev.jcompose.netmgr.api.AttachRequest;
import dev.jcompose.netmgr.api.NetworkSpec;
import dev.jcompose.netmgr.api.PortBinding;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.names.Labels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Compose networks, service network attachments and ports to netmgr specs, the way docker compose
 * hands them to dockerd ({@code pkg/compose/create.go}): the primary network (highest priority)
 * first, carrying the default route and the service-level {@code mac_address}; {@code
 * interface_name} as the endpoint's interface; a network named {@code host} or {@code none}
 * (docker's predefined ones, declared external) as the container's network mode.
 */
public final class NetworkConverter {
  /** docker's endpoint option that {@code interface_name} is sent as. */
  static final String ENDPOINT_IFNAME = "com.docker.network.endpoint.ifname";

  private NetworkConverter() {}

  /** The spec of a (non-external) project network, labelled with project and key. */
  public static NetworkSpec networkSpec(Project p, Network n) {
    String driverId = n.driver() == null || n.driver().isEmpty() ? "bridge" : n.driver();
    if (driverId.equals("host") || driverId.equals("none") || driverId.equals("null")) {
      // dockerd's answer to creating another instance of its predefined networks
      throw new ComposeException(
          ComposeException.Kind.INVALID,
          "network "
              + n.name()
              + ": only one instance of \""
              + (driverId.equals("null") ? "none" : driverId)
              + "\" network is allowed (declare it external: true, name: "
              + (driverId.equals("null") ? "none" : driverId)
              + ")");
    }
    NetworkSpec.Driver driver = NetworkSpec.Driver.of(driverId);
    if (driver == null) {
      throw new ComposeException(
          ComposeException.Kind.INVALID,
          "network "
              + n.name()
              + ": driver \""
              + driverId
              + "\" is not supported (bridge, macvlan, ipvlan; host and none as external"
              + " networks)");
    }
    List<NetworkSpec.Subnet> subnets = new ArrayList<>();
    if (n.ipam() != null && n.ipam().config() != null) {
      n.ipam()
          .config()
          .forEach(
              c ->
                  subnets.add(
                      new NetworkSpec.Subnet(
                          c.subnet(), c.ipRange(), c.gateway(), c.auxAddresses())));
    }
    Map<String, String> labels = new LinkedHashMap<>(n.labels() == null ? Map.of() : n.labels());
    labels.put(Labels.PROJECT, p.name());
    labels.put(Labels.NETWORK, n.key());
    return new NetworkSpec(
        n.name(),
        driver,
        n.internal(),
        Boolean.TRUE.equals(n.enableIpv6()),
        subnets,
        n.driverOpts(),
        labels);
  }

  /**
   * The namespace a service on the project's networks really gets: docker compose makes the primary
   * network's name the container's network mode, so a service on an external network named {@code
   * host} or {@code none} runs in the host's namespace or without a network. {@link
   * NetworkMode.Kind#BRIDGE} for the project's own networks.
   */
  public static NetworkMode.Kind effectiveMode(Project p, Service s) {
    NetworkMode.Kind declared = s.networking().mode().kind();
    List<String> keys = declared == NetworkMode.Kind.BRIDGE ? keysByPriority(p, s) : List.of();
    NetworkMode.Kind predefined = keys.isEmpty() ? null : predefined(p.networks().get(keys.get(0)));
    if (predefined == null) {
      return declared;
    }
    if (keys.size() > 1) {
      throw new ComposeException(
          ComposeException.Kind.INVALID,
          "service \""
              + s.name()
              + "\": container cannot be "
              + "disconnected from "
              + networkName(p, keys.get(0))
              + " network or connected to another network");
    }
    return predefined;
  }

  /** HOST or NONE for docker's predefined networks, else null. */
  private static NetworkMode.Kind predefined(Network n) {
    if (n == null || !n.external()) {
      return null;
    }
    return switch (n.name() == null ? "" : n.name()) {
      case "host" -> NetworkMode.Kind.HOST;
      case "none" -> NetworkMode.Kind.NONE;
      default -> null;
    };
  }

  /** Network keys the service attaches to, in connection order (priority desc, then key). */
  public static List<String> serviceNetworkKeys(Project p, Service s) {
    if (effectiveMode(p, s) != NetworkMode.Kind.BRIDGE) {
      return List.of();
    }
    return keysByPriority(p, s);
  }

  private static List<String> keysByPriority(Project p, Service s) {
    Map<String, ServiceNetworking.Attachment> nets = s.networking().networks();
    if (nets.isEmpty()) {
      return p.networks().containsKey("default") ? List.of("default") : List.of();
    }
    return nets.keySet().stream()
        .sorted(Comparator.comparingInt((String k) -> -priority(nets.get(k))).thenComparing(k -> k))
        .toList();
  }

  /**
   * One attach request per network, the primary first: unless its own is set, it carries the
   * service-level {@code mac_address}. The default route goes through the gateway network dockerd
   * would choose. Interface names are left to the network (its prefix and the next free number)
   * unless {@code interface_name} gives one.
   */
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
    String gateway = gatewayKey(p, s, keys);
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
      String mac = sn == null ? null : sn.macAddress();
      if (i == 0) {
        mac = primaryMac(s, key, mac);
      }
      out.add(
          new AttachRequest(
              containerName,
              networkName(p, key),
              netns,
              interfaceName(sn),
              sn == null ? null : sn.ipv4Address(),
              sn == null ? null : sn.ipv6Address(),
              mac,
              List.copyOf(names),
              key.equals(gateway),
              s.networking().dns(),
              sn == null ? List.of() : sn.linkLocalIps()));
    }
    return out;
  }

  /**
   * The network whose gateway is the container's default route, ordered as dockerd orders a
   * sandbox's endpoints (libnetwork Endpoint.Less): highest {@code gw_priority} first, then
   * networks that route out before internal ones, then dual-stack before single-stack, then by
   * network name.
   */
  static String gatewayKey(Project p, Service s, List<String> keys) {
    Comparator<String> order =
        Comparator.comparingInt((String k) -> -gwPriority(s.networking().networks().get(k)))
            .thenComparing(k -> p.networks().get(k) != null && p.networks().get(k).internal())
            .thenComparing(
                k ->
                    p.networks().get(k) == null
                        || !Boolean.TRUE.equals(p.networks().get(k).enableIpv6()))
            .thenComparing(k -> networkName(p, k));
    return keys.stream().min(order).orElse(null);
  }

  private static int gwPriority(ServiceNetworking.Attachment sn) {
    return sn == null || sn.gwPriority() == null ? 0 : sn.gwPriority();
  }

  /**
   * docker compose: the service-level mac_address is the primary network's, and may not contradict
   * it.
   */
  private static String primaryMac(Service s, String key, String networkMac) {
    String serviceMac = s.networking().macAddress();
    if (serviceMac != null
        && !serviceMac.isEmpty()
        && networkMac != null
        && !networkMac.isEmpty()
        && !networkMac.equalsIgnoreCase(serviceMac)) {
      throw new ComposeException(
          ComposeException.Kind.INVALID,
          "service \""
              + s.name()
              + "\": the service-level mac_address should have the same value as network "
              + key);
    }
    return networkMac != null && !networkMac.isEmpty() ? networkMac : serviceMac;
  }

  /**
   * {@code interface_name}, which docker compose sends as the endpoint option {@value
   * #ENDPOINT_IFNAME}.
   */
  private static String interfaceName(ServiceNetworking.Attachment sn) {
    if (sn == null) {
      return null;
    }
    return sn.interfaceName() != null && !sn.interfaceName().isEmpty()
        ? sn.interfaceName()
        : sn.driverOpts().get(ENDPOINT_IFNAME);
  }

  public static String networkName(Project p, String key) {
    Network n = p.networks().get(key);
    return n != null && n.name() != null ? n.name() : p.name() + "_" + key;
  }

  /**
   * Published ports; a published range is handed over whole (the network manager gives each
   * container the first free port of it, as dockerd does), no published port = random.
   */
  public static List<PortBinding> portBindings(
      List<ServiceNetworking.Port> ports, String containerIp) {
    List<PortBinding> out = new ArrayList<>();
    for (ServiceNetworking.Port port : ports) {
      if ("host".equals(port.mode()) && port.published() == null) {
        continue;
      }
      int start = port.published() == null ? 0 : port.published().start();
      int end = port.published() == null ? 0 : port.published().end();
      out.add(
          new PortBinding(
              port.hostIp() == null ? "" : port.hostIp(),
              start,
              end,
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
