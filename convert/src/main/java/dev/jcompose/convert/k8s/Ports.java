package dev.jcompose.convert.k8s;

import dev.jcompose.model.api.Protocol;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceNetworking;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A service's {@code ports} and {@code expose} as container ports and as the ports of its
 * Kubernetes Service. A published port keeps its number as the Service port (what clients of the
 * compose stack dialled), the container port as target. Publishing on the host's interfaces ({@code
 * host_ip}, {@code mode: host}, host port ranges) has no Service field and is reported.
 */
final class Ports {
  /** One port of the Service: {@code port} clients dial, {@code target} in the container. */
  record ServicePort(String name, int port, int target, String protocol, String appProtocol) {}

  private Ports() {}

  static List<Map<String, Object>> containerPorts(Service s) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (ServicePort p : servicePorts(s, null)) {
      out.putIfAbsent(
          p.target() + "/" + p.protocol(),
          Obj.of(
              "containerPort",
              p.target(),
              "protocol",
              p.protocol().equals("TCP") ? null : p.protocol()));
    }
    return new ArrayList<>(out.values());
  }

  /**
   * The Service's ports, unique by port and protocol, named when there are several; findings go to
   * {@code findings} unless null.
   */
  static List<ServicePort> servicePorts(Service s, Findings findings) {
    Map<String, ServicePort> out = new LinkedHashMap<>();
    List<ServiceNetworking.Port> ports = s.networking().ports();
    for (int i = 0; i < ports.size(); i++) {
      ServiceNetworking.Port p = ports.get(i);
      String[] path = Context.path(s, "ports", String.valueOf(i));
      int published = published(p, findings, path);
      add(
          out,
          new ServicePort(p.name(), published, p.target(), protocol(p.protocol()), p.appProtocol()),
          findings,
          path);
    }
    for (ServiceNetworking.Expose e : s.networking().expose()) {
      for (int port = e.ports().start(); port <= e.ports().end(); port++) {
        add(out, new ServicePort(null, port, port, protocol(e.protocol()), null), null, null);
      }
    }
    return named(new ArrayList<>(out.values()));
  }

  private static void add(
      Map<String, ServicePort> out, ServicePort p, Findings findings, String[] path) {
    ServicePort had = out.putIfAbsent(p.port() + "/" + p.protocol(), p);
    if (had != null && had.target() != p.target() && findings != null) {
      findings.report(
          "port "
              + p.port()
              + "/"
              + p.protocol()
              + " already goes to "
              + had.target()
              + "; a Service port has one target; not converted",
          path);
    }
  }

  private static int published(ServiceNetworking.Port p, Findings findings, String[] path) {
    if (findings != null
        && p.hostIp() != null
        && !p.hostIp().isEmpty()
        && !p.hostIp().equals("0.0.0.0")
        && !p.hostIp().equals("::")) {
      findings.report(
          "binding to host address "
              + p.hostIp()
              + " has no Service field; the port is reachable on every Service address",
          path);
    }
    if (findings != null && "host".equals(p.mode())) {
      findings.report(
          "mode: host (a port of the node itself) is not converted; the Service port is used",
          path);
    }
    if (p.published() == null) {
      return p.target();
    }
    if (p.published().size() > 1 && findings != null) {
      findings.report(
          "a published range has no Service equivalent; the Service uses port "
              + p.published().start(),
          path);
    }
    return p.published().start() == 0 ? p.target() : p.published().start();
  }

  private static String protocol(Protocol p) {
    return p == null ? "TCP" : p.name();
  }

  /** The API server requires a name on every port of a Service with more than one. */
  private static List<ServicePort> named(List<ServicePort> ports) {
    if (ports.size() < 2) {
      return ports.stream()
          .map(
              p ->
                  p.name() == null || Names.isPortName(p.name())
                      ? p
                      : new ServicePort(null, p.port(), p.target(), p.protocol(), p.appProtocol()))
          .toList();
    }
    List<ServicePort> out = new ArrayList<>();
    java.util.Set<String> used = new java.util.HashSet<>();
    for (ServicePort p : ports) {
      String name =
          p.name() != null && Names.isPortName(p.name()) && !used.contains(p.name())
              ? p.name()
              : p.protocol().toLowerCase(Locale.ROOT) + "-" + p.port();
      used.add(name);
      out.add(new ServicePort(name, p.port(), p.target(), p.protocol(), p.appProtocol()));
    }
    return out;
  }
}
