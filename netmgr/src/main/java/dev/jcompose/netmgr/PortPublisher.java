package dev.jcompose.netmgr;

import dev.jcompose.netmgr.api.NetworkException;
import dev.jcompose.netmgr.api.PortBinding;
import dev.jcompose.netmgr.ports.PortOwners;
import dev.jcompose.netmgr.ports.PortProxies;
import dev.jcompose.netmgr.state.NetState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks and binds published ports. Order matters: validate, compare with ports other jcompose
 * containers hold (from state), then bind host sockets (which also catches host processes), and
 * only then may the caller change rules and state. A failure at any step leaves nothing changed.
 */
final class PortPublisher {
  private final PortProxies proxies;
  private final PortOwners owners;

  PortPublisher(PortProxies proxies, PortOwners owners) {
    this.proxies = proxies;
    this.owners = owners;
  }

  /** Binds {@code ports} for {@code containerId}; returns them with random ports resolved. */
  List<PortBinding> bind(NetState state, String containerId, List<PortBinding> ports) {
    ports.forEach(PortPublisher::validate);
    checkAgainstState(state, containerId, ports);
    try {
      return Blocking.await(proxies.open(containerId, ports), "publishing ports of " + containerId);
    } catch (PortProxies.BindFailure e) {
      PortBinding b = e.binding();
      throw new NetworkException(
          NetworkException.Kind.CONFLICT,
          "cannot publish "
              + describe(b)
              + " for container "
              + containerId
              + ": the port is in use by "
              + owners.describe(b.protocol(), b.hostPort()),
          e);
    }
  }

  void release(String containerId) {
    Blocking.await(proxies.close(containerId), "unpublishing ports of " + containerId);
  }

  void releaseAll() {
    Blocking.await(proxies.closeAll(), "closing port proxies");
  }

  /** Re-opens persisted bindings after an engine restart; returns failures as messages. */
  List<String> restore(Map<String, List<PortBinding>> published) {
    List<String> problems = new ArrayList<>();
    published.forEach(
        (container, ports) -> {
          try {
            Blocking.await(proxies.open(container, ports), "re-publishing ports of " + container);
          } catch (RuntimeException e) {
            problems.add(container + ": " + e.getMessage());
          }
        });
    return problems;
  }

  private static void checkAgainstState(
      NetState state, String containerId, List<PortBinding> ports) {
    for (int i = 0; i < ports.size(); i++) {
      PortBinding b = ports.get(i);
      for (PortBinding other : ports.subList(0, i)) {
        if (clash(b, other)) {
          throw new NetworkException(
              NetworkException.Kind.CONFLICT,
              describe(b) + " is requested twice for container " + containerId);
        }
      }
      for (Map.Entry<String, List<PortBinding>> e : state.ports().entrySet()) {
        for (PortBinding held : e.getValue()) {
          if (clash(b, held)) {
            throw new NetworkException(
                NetworkException.Kind.CONFLICT,
                "cannot publish "
                    + describe(b)
                    + " for container "
                    + containerId
                    + ": the port is already published by container "
                    + e.getKey());
          }
        }
      }
    }
  }

  private static boolean clash(PortBinding a, PortBinding b) {
    return a.hostPort() != 0
        && a.hostPort() == b.hostPort()
        && a.protocol().equals(b.protocol())
        && (any(a.hostIp()) || any(b.hostIp()) || a.hostIp().equals(b.hostIp()));
  }

  private static void validate(PortBinding b) {
    if (!Set.of("tcp", "udp").contains(b.protocol())) {
      throw new NetworkException(
          NetworkException.Kind.INVALID,
          "protocol '" + b.protocol() + "' is not supported (tcp or udp)");
    }
    if (b.hostPort() < 0
        || b.hostPort() > 65535
        || b.containerPort() < 1
        || b.containerPort() > 65535) {
      throw new NetworkException(
          NetworkException.Kind.INVALID, "port out of range in " + describe(b));
    }
  }

  private static boolean any(String hostIp) {
    return hostIp == null || hostIp.isEmpty() || hostIp.equals("0.0.0.0");
  }

  static String describe(PortBinding b) {
    return (any(b.hostIp()) ? "0.0.0.0" : b.hostIp())
        + ":"
        + b.hostPort()
        + "->"
        + b.containerPort()
        + "/"
        + b.protocol();
  }
}
