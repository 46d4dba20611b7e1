package dev.jcompose.model.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The short port syntax {@code [[ip:](port|range):](port|range)[/proto]} as compose-go reads it
 * (types.ParsePortConfig over docker's nat.ParsePortSpecs): one entry per container port, ordered
 * by the key {@code "<port>/<proto>"}, mode ingress, and as published port either the matching host
 * port or, when one container port maps to a host range, the whole range. The one parser of this
 * syntax: compose files and {@code run --publish} both come here.
 */
final class PortSyntax {
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}");

  private PortSyntax() {}

  /** IllegalArgumentException with docker's message on a bad spec. */
  static List<ServiceNetworking.Port> parse(String spec) {
    String rawPort = spec;
    Protocol proto = Protocol.TCP;
    int slash = spec.lastIndexOf('/');
    if (slash >= 0) {
      rawPort = spec.substring(0, slash);
      proto = Protocol.parse(spec.substring(slash + 1));
    }
    String[] parts = rawPort.split(":", -1);
    int n = parts.length;
    String container = parts[n - 1];
    String host = n >= 2 ? parts[n - 2] : "";
    String ip = hostIp(n >= 3 ? String.join(":", Arrays.copyOf(parts, n - 2)) : "");
    if (container.isEmpty()) {
      throw new IllegalArgumentException("no port specified: " + spec + "<empty>");
    }
    PortRange cr = PortRange.parse(container, "containerPort");
    PortRange hr = host.isEmpty() ? null : PortRange.parse(host, "hostPort");
    if (hr != null && hr.size() != cr.size() && cr.size() != 1) {
      throw new IllegalArgumentException(
          "invalid ranges specified for container and host Ports: " + container + " and " + host);
    }
    TreeMap<String, ServiceNetworking.Port> byKey = new TreeMap<>();
    for (int i = 0; i < cr.size(); i++) {
      PortRange published =
          hr == null ? null : cr.size() == 1 ? hr : PortRange.single(hr.start() + i);
      int target = cr.start() + i;
      byKey.put(
          target + "/" + proto.id(),
          new ServiceNetworking.Port(null, target, published, ip, proto, "ingress", null));
    }
    return new ArrayList<>(byKey.values());
  }

  /** An IPv4 or IPv6 literal, brackets removed; null when empty. */
  private static String hostIp(String ip) {
    String bare = ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
    boolean ok =
        bare.isEmpty()
            || IPV4.matcher(bare).matches()
            || (bare.contains(":") && bare.matches("[0-9a-fA-F:.]+"));
    if (!ok) {
      throw new IllegalArgumentException("invalid IP address: " + ip);
    }
    return bare.isEmpty() ? null : bare;
  }
}
