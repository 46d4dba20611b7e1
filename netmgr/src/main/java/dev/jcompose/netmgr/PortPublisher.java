package dev.jcompose.netmgr;

import dev.jcompose.netmgr.api.NetworkException;
import dev.jcompose.netmgr.api.PortBinding;
import dev.jcompose.netmgr.ports.PortOwners;
import dev.jcompose.netmgr.ports.PortProxies;
import dev.jcompose.netmgr.state.NetState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

  /**
   * Binds {@code ports} for {@code containerId}; returns them with random ports resolved and each
   * host range narrowed to the port it got: the first one of the range that neither another
   * container's binding (from state) nor a host process (the bind fails) holds, as dockerd's port
   * allocator hands them out, so replicas published on one range get a port each.
   */
  List<PortBinding> bind(NetState state, String containerId, List<PortBinding> ports) {
    ports.forEach(PortPublisher::validate);
    checkAgainstState(state, containerId, ports);
    Map<Integer, Set<Integer>> refused = new HashMap<>();
    while (true) {
      List<PortBinding> concrete = choosePorts(state, containerId, ports, refused);
      try {
        return Blocking.await(
            proxies.open(containerId, concrete), "publishing ports of " + containerId);
      } catch (PortProxies.BindFailure e) {
        int i = concrete.indexOf(e.binding());
        if (i < 0 || !ports.get(i).ranged()) {
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
        refused
            .computeIfAbsent(i, k -> new HashSet<>())
            .add(e.binding().hostPort()); // a host process holds it: next one
      }
    }
  }

  /**
   * Each range narrowed to its first port that no binding in state or earlier in the list holds and
   * no bind refused.
   */
  private static List<PortBinding> choosePorts(
      NetState state,
      String containerId,
      List<PortBinding> ports,
      Map<Integer, Set<Integer>> refused) {
    List<PortBinding> out = new ArrayList<>();
    List<PortBinding> held = new ArrayList<>();
    state.ports().values().forEach(held::addAll);
    for (int i = 0; i < ports.size(); i++) {
      PortBinding b = ports.get(i);
      if (!b.ranged()) {
        out.add(b);
        held.add(b);
        continue;
      }
      PortBinding chosen = null;
      for (int p = b.hostPort(); p <= b.hostPortEnd() && chosen == null; p++) {
        PortBinding candidate = b.on(b.hostIp(), p);
        boolean free =
            !refused.getOrDefault(i, Set.of()).contains(p)
                && held.stream().noneMatch(h -> clash(candidate, h));
        chosen = free ? candidate : null;
      }
      if (chosen == null) {
        throw new NetworkException(
            NetworkException.Kind.CONFLICT,
            "cannot publish "
                + describe(b)
                + " for container "
                + containerId
                + ": every port of the range is already in use");
      }
      out.add(chosen);
      held.add(chosen);
    }
    return out;
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

  /**
   * Whether two bindings cannot both hold their host port. A range never clashes here: its bind
   * takes the first port of it that is free (replicas published on one range), or names the range
   * when none is.
   */
  private static boolean clash(PortBinding a, PortBinding b) {
    return a.hostPort() != 0
        && !a.ranged()
        && !b.ranged()
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
        || b.hostPortEnd() > 65535
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
        + (b.ranged() ? "-" + b.hostPortEnd() : "")
        + "->"
        + b.containerPort()
        + "/"
        + b.protocol();
  }
}
