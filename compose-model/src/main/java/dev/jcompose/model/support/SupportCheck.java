package dev.jcompose.model.support;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.api.PullPolicy;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Mark;
import dev.jcompose.model.tree.Marks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies {@link SupportTable} to a loaded project: each attribute jcompose does not apply becomes
 * a warning naming file:line:column and the attribute, each one it refuses a {@link
 * ComposeFileException}; values that only some of an attribute's forms support are checked here
 * too. Services in name order, so messages come in a stable order.
 */
public final class SupportCheck {
  private static final Set<String> LOG_DRIVERS = Set.of("json-file", "local", "none");
  private static final Set<String> IPC_MODES = Set.of("private", "shareable", "none", "host");
  private static final Set<String> NETWORK_DRIVERS =
      Set.of("bridge", "macvlan", "ipvlan", "host", "none");
  private static final Set<String> NETWORK_OPTIONS =
      Set.of(
          "com.docker.network.driver.mtu",
          "com.docker.network.bridge.name",
          "com.docker.network.bridge.enable_icc",
          "com.docker.network.bridge.enable_ip_masquerade",
          "com.docker.network.bridge.host_binding_ipv4",
          "com.docker.network.bridge.inhibit_ipv4",
          "com.docker.network.bridge.gateway_mode_ipv4",
          "com.docker.network.bridge.gateway_mode_ipv6",
          "com.docker.network.container_iface_prefix",
          "com.docker.network.host_ipv4",
          "com.docker.network.host_ipv6",
          "com.docker.network.enable_ipv6",
          "parent",
          "macvlan_mode",
          "ipvlan_mode",
          "ipvlan_flag");

  /** The endpoint option {@code interface_name} is sent as (docker compose's create.go). */
  private static final String ENDPOINT_IFNAME = "com.docker.network.endpoint.ifname";

  private final MapNode source;
  private final List<String> warnings = new ArrayList<>();

  private SupportCheck(MapNode source) {
    this.source = source;
  }

  /** The warnings for {@code services} and the top-level {@code sections}; throws on a refusal. */
  public static List<String> check(
      MapNode source,
      Map<String, Map<String, Object>> services,
      Map<String, Map<String, Map<String, Object>>> sections) {
    SupportCheck c = new SupportCheck(source);
    new TreeMap<>(services).forEach(c::service);
    c.networks(sections.getOrDefault("networks", Map.of()));
    c.volumes(sections.getOrDefault("volumes", Map.of()));
    return List.copyOf(c.warnings);
  }

  private void service(String name, Map<String, Object> s) {
    for (String key : s.keySet()) {
      Support sup = SupportTable.SERVICE.get(key);
      if (sup != null && sup.status() != Support.Status.APPLIED) {
        report(sup, "services", name, key);
      }
    }
    SupportTable.NESTED.values().forEach(n -> nested(name, s, n));
    values(name, s);
    endpointOptions(name, s);
  }

  /** Endpoint driver options: only the interface name is applied (as interface_name). */
  private void endpointOptions(String name, Map<String, Object> s) {
    if (!(s.get("networks") instanceof Map<?, ?> nets)) {
      return;
    }
    new TreeMap<>(nets)
        .forEach(
            (net, a) -> {
              if (a instanceof Map<?, ?> attachment
                  && attachment.get("driver_opts") instanceof Map<?, ?> opts) {
                opts.keySet().stream()
                    .map(String::valueOf)
                    .filter(k -> !k.equals(ENDPOINT_IFNAME))
                    .sorted()
                    .forEach(
                        k ->
                            warn(
                                "endpoint driver option " + k + " is not supported: ignored",
                                "services",
                                name,
                                "networks",
                                String.valueOf(net),
                                "driver_opts",
                                k));
              }
            });
  }

  /** A nested attribute, {@code *} standing for any map key or list index. */
  private void nested(String service, Map<String, Object> s, Support sup) {
    walk(
        s,
        Arrays.asList(sup.attribute().split("\\.")),
        0,
        new ArrayList<>(List.of("services", service)),
        sup);
  }

  private void walk(Object node, List<String> parts, int i, List<String> path, Support sup) {
    if (i == parts.size()) {
      if (node != null && !(node instanceof Map<?, ?> m && m.isEmpty())) {
        report(sup, path.toArray(String[]::new));
      }
      return;
    }
    String part = parts.get(i);
    if (part.equals("*") && node instanceof Map<?, ?> m) {
      m.forEach((k, v) -> walk(v, parts, i + 1, with(path, String.valueOf(k)), sup));
    } else if (part.equals("*") && node instanceof List<?> l) {
      for (int k = 0; k < l.size(); k++) {
        walk(l.get(k), parts, i + 1, with(path, Integer.toString(k)), sup);
      }
    } else if (node instanceof Map<?, ?> m && m.containsKey(part)) {
      walk(m.get(part), parts, i + 1, with(path, part), sup);
    }
  }

  private void values(String name, Map<String, Object> s) {
    String userns = str(s.get("userns_mode"));
    if (userns != null && !userns.isEmpty() && !userns.equals("host")) {
      refuse(
          "userns_mode \""
              + userns
              + "\" is not supported: jcompose runs containers without a user namespace, only host is possible",
          "services",
          name,
          "userns_mode");
    }
    String uts = str(s.get("uts"));
    if (uts != null && !uts.isEmpty() && !uts.equals("host")) {
      refuse(
          "uts \"" + uts + "\" is not supported: the only UTS mode is host",
          "services",
          name,
          "uts");
    }
    String cgroup = str(s.get("cgroup"));
    if (cgroup != null && !cgroup.equals("host") && !cgroup.equals("private")) {
      refuse("cgroup \"" + cgroup + "\" must be host or private", "services", name, "cgroup");
    }
    String ipc = str(s.get("ipc"));
    if (ipc != null && !ipc.isEmpty() && !IPC_MODES.contains(ipc) && !reference(ipc)) {
      refuse(
          "ipc \""
              + ipc
              + "\" is not a valid IPC mode (private, shareable, none, host, service:<name>, container:<name>)",
          "services",
          name,
          "ipc");
    }
    String pid = str(s.get("pid"));
    if (pid != null && !pid.isEmpty() && !pid.equals("host") && !reference(pid)) {
      refuse(
          "pid \"" + pid + "\" is not a valid PID mode (host, service:<name>, container:<name>)",
          "services",
          name,
          "pid");
    }
    String networkMode = str(s.get("network_mode"));
    if (networkMode != null
        && !Set.of("", "bridge", "default", "host", "none").contains(networkMode)
        && !reference(networkMode)) {
      refuse(
          "network_mode \""
              + networkMode
              + "\" is not supported: attach the service to a network with networks:",
          "services",
          name,
          "network_mode");
    }
    try {
      PullPolicy.parse(str(s.get("pull_policy")));
    } catch (IllegalArgumentException e) {
      refuse(e.getMessage(), "services", name, "pull_policy");
    }
    if (s.get("logging") instanceof Map<?, ?> logging
        && logging.get("driver") instanceof String driver
        && !driver.isEmpty()
        && !LOG_DRIVERS.contains(driver)) {
      warn(
          "logging driver \""
              + driver
              + "\" is not available: the output is kept in a json-file log",
          "services",
          name,
          "logging",
          "driver");
    }
    if (s.get("volumes") instanceof List<?> vols) {
      for (int i = 0; i < vols.size(); i++) {
        if (vols.get(i) instanceof Map<?, ?> v
            && Set.of("npipe", "cluster", "image").contains(String.valueOf(v.get("type")))) {
          refuse(
              "volume type \"" + v.get("type") + "\" is not supported",
              "services",
              name,
              "volumes",
              Integer.toString(i));
        }
      }
    }
  }

  /**
   * Network drivers and driver options netmgr applies (its DriverOptionParser: docker's documented
   * bridge options, macvlan's and ipvlan's); docker's drivers ignore other options silently, this
   * warns about them. Another driver is warned about here (config still prints the file, as docker
   * compose does) and refused by the engine at up.
   */
  private void networks(Map<String, Map<String, Object>> networks) {
    new TreeMap<>(networks)
        .forEach(
            (key, n) -> {
              String driver = str(n.get("driver"));
              boolean external = Boolean.TRUE.equals(n.get("external"));
              if (driver != null && !driver.isEmpty() && !NETWORK_DRIVERS.contains(driver)) {
                warn(
                    "network driver \""
                        + driver
                        + "\" is not supported (bridge, macvlan, ipvlan; host and none as external"
                        + " networks): up refuses it",
                    "networks",
                    key,
                    "driver");
              }
              if (Boolean.FALSE.equals(n.get("enable_ipv4"))) {
                warn(
                    "IPv6-only networks are not supported: the network also has IPv4",
                    "networks",
                    key,
                    "enable_ipv4");
              }
              if (n.get("ipam") instanceof Map<?, ?> ipam) {
                String ipamDriver = str(ipam.get("driver"));
                if (ipamDriver != null && !ipamDriver.isEmpty() && !ipamDriver.equals("default")) {
                  warn(
                      "IPAM driver \""
                          + ipamDriver
                          + "\" is not supported: the default one is used",
                      "networks",
                      key,
                      "ipam",
                      "driver");
                }
                if (ipam.get("options") instanceof Map<?, ?> o && !o.isEmpty()) {
                  warn(
                      "IPAM options are not supported: ignored",
                      "networks",
                      key,
                      "ipam",
                      "options");
                }
              }
              if (!external && n.get("driver_opts") instanceof Map<?, ?> opts) {
                opts.keySet().stream()
                    .map(String::valueOf)
                    .filter(k -> !NETWORK_OPTIONS.contains(k))
                    .sorted()
                    .forEach(
                        k ->
                            warn(
                                "driver option " + k + " is not known to the driver: ignored",
                                "networks",
                                key,
                                "driver_opts",
                                k));
              }
            });
  }

  /** Volumes of another driver than local; the local driver's options are checked at up. */
  private void volumes(Map<String, Map<String, Object>> volumes) {
    new TreeMap<>(volumes)
        .forEach(
            (key, v) -> {
              String driver = str(v.get("driver"));
              if (driver != null && !driver.isEmpty() && !driver.equals("local")) {
                warn(
                    "volume driver \"" + driver + "\" is not supported: the volume is local",
                    "volumes",
                    key,
                    "driver");
              }
            });
  }

  private void report(Support sup, String... path) {
    String what = String.join(".", path) + ": " + sup.note();
    if (sup.status() == Support.Status.REFUSED) {
      throw Marks.error(source, String.join(".", path) + " is not supported: " + sup.note(), path);
    }
    warn(what, path);
  }

  private void warn(String message, String... path) {
    Mark m = Marks.at(source, path);
    String where = m == null || m.line() == 0 ? "" : m + ": ";
    warnings.add(
        where + (message.startsWith(path[0]) ? message : String.join(".", path) + ": " + message));
  }

  private void refuse(String message, String... path) {
    throw Marks.error(source, String.join(".", path) + ": " + message, path);
  }

  private static boolean reference(String mode) {
    return mode.startsWith("service:") || mode.startsWith("container:");
  }

  private static String str(Object o) {
    return o == null ? null : String.valueOf(o);
  }

  private static List<String> with(List<String> path, String key) {
    List<String> out = new ArrayList<>(path);
    out.add(key);
    return out;
  }
}
