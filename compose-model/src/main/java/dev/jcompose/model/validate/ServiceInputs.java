package dev.jcompose.model.validate;

import static dev.jcompose.model.validate.InputChecks.path;

import dev.jcompose.model.api.NetworkMode;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceNetworking;
import dev.jcompose.model.api.ServiceProcess;
import dev.jcompose.model.api.ServiceSecurity;
import dev.jcompose.model.api.ServiceStorage;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** The {@link InputChecks} of one service, attribute by attribute in compose's order. */
final class ServiceInputs {
  /** A null entry: only a project decoded from an API request can hold one. */
  private static final String MISSING = "a value is missing";

  private final String name;
  private final Service s;
  private final List<String> at;
  private final BiConsumer<List<String>, String> sink;

  ServiceInputs(String name, Service s, BiConsumer<List<String>, String> sink) {
    this.name = name;
    this.s = s;
    this.at = List.of("services", name);
    this.sink = sink;
  }

  void run() {
    check(at, NameRules.key("service", name));
    check(
        path(at, "container_name"),
        s.containerName() == null ? null : NameRules.container(s.containerName()));
    strings("labels", s.labels(), ValueRules::labelKey, "label");
    process(s.process());
    networking(s.networking());
    storage(s.storage());
    security(s.security());
    orEmpty(s.resources().ulimits())
        .forEach(
            (k, u) ->
                check(
                    path(at, "ulimits", k),
                    u == null ? MISSING : KernelRules.ulimit(k, u.soft(), u.hard())));
  }

  /**
   * What the shim receives as C strings (a NUL would cut them) and docker's absolute working_dir.
   */
  private void process(ServiceProcess p) {
    list("command", p.command(), v -> ValueRules.noNul("command", v));
    list("entrypoint", p.entrypoint(), v -> ValueRules.noNul("entrypoint", v));
    strings("environment", p.environment(), ValueRules::envKey, "environment variable");
    check(path(at, "user"), ValueRules.noNul("user", p.user()));
    String wd = p.workingDir();
    check(
        path(at, "working_dir"),
        wd == null || wd.isEmpty() || (wd.startsWith("/") && wd.indexOf('\0') < 0)
            ? null
            : "the working directory "
                + Quoted.of(wd)
                + " is invalid, it needs to be an absolute path");
  }

  private void networking(ServiceNetworking n) {
    check(
        path(at, "hostname"),
        n.hostname() == null ? null : ValueRules.hostname("hostname", n.hostname()));
    check(
        path(at, "domainname"),
        n.domainname() == null ? null : ValueRules.dnsName("domainname", n.domainname()));
    check(
        path(at, "mac_address"),
        n.macAddress() == null ? null : ValueRules.mac("mac_address", n.macAddress()));
    check(path(at, "network_mode"), networkMode(n.mode()));
    list("extra_hosts", n.extraHosts(), h -> ValueRules.extraHost(h.host(), h.ip()));
    list("dns", n.dns(), v -> ValueRules.ip("dns server", v));
    list("dns_search", n.dnsSearch(), v -> ValueRules.dnsName("dns_search domain", v));
    list("dns_opt", n.dnsOpt(), v -> ValueRules.oneLine("dns_opt", v));
    orEmpty(n.networks())
        .forEach(
            (net, a) -> {
              List<String> nAt = path(at, "networks", net);
              if (a != null) {
                a.aliases()
                    .forEach(alias -> check(nAt, ValueRules.dnsName("network alias", alias)));
                check(
                    nAt,
                    a.ipv4Address() == null
                        ? null
                        : ValueRules.ipv4("ipv4_address", a.ipv4Address()));
                check(
                    nAt,
                    a.ipv6Address() == null
                        ? null
                        : ValueRules.ip("ipv6_address", a.ipv6Address()));
                check(
                    nAt,
                    a.macAddress() == null ? null : ValueRules.mac("mac_address", a.macAddress()));
                check(
                    nAt,
                    a.interfaceName() == null
                        ? null
                        : ValueRules.interfaceName("interface_name", a.interfaceName()));
                a.linkLocalIps().forEach(ip -> check(nAt, ValueRules.ip("link_local_ips", ip)));
              }
            });
  }

  /** The name another namespace is joined by, or the network a custom mode names. */
  private static String networkMode(NetworkMode mode) {
    if (mode.kind() == null) {
      return "invalid network_mode: no kind";
    }
    return switch (mode.kind()) {
      case SERVICE -> NameRules.key("service", mode.target());
      case CONTAINER -> NameRules.container(mode.target());
      case CUSTOM -> NameRules.network(mode.target());
      default -> null;
    };
  }

  private void storage(ServiceStorage st) {
    list("tmpfs", st.tmpfs(), t -> MountRules.tmpfs(t.target(), t.options()));
    List<ServiceStorage.Mount> vols = st.volumes();
    for (int i = 0; i < vols.size(); i++) {
      ServiceStorage.Mount v = vols.get(i);
      List<String> vAt = path(at, "volumes", String.valueOf(i));
      check(vAt, MountRules.absolute("mount target", v.target()));
      check(vAt, v.volumeSubpath() == null ? null : MountRules.subpath(v.volumeSubpath()));
      check(
          vAt,
          v.type() == ServiceStorage.MountType.BIND
              ? MountRules.absolute("bind source", v.source())
              : null);
    }
    fileRefs("secrets", st.secrets(), "/run/secrets/");
    fileRefs("configs", st.configs(), "/");
  }

  /**
   * Secrets and configs: the mount target (default {@code base + source}) stays a clean absolute
   * path; uid and gid are numeric, the mode permission bits.
   */
  private void fileRefs(String section, List<ServiceStorage.FileRef> refs, String base) {
    for (int i = 0; i < refs.size(); i++) {
      ServiceStorage.FileRef r = refs.get(i);
      String target =
          r.target() == null || r.target().isEmpty()
              ? base + r.source()
              : r.target().startsWith("/") ? r.target() : base + r.target();
      String what = section.substring(0, section.length() - 1);
      List<String> rAt = path(at, section, String.valueOf(i));
      check(rAt, MountRules.absolute(what + " target", target));
      check(rAt, MountRules.fileOwnership(what, r.uid(), r.gid(), r.mode()));
    }
  }

  private void security(ServiceSecurity sec) {
    check(path(at, "ipc"), namespace("ipc", sec.ipc(), "host", "private", "shareable", "none"));
    check(path(at, "pid"), namespace("pid", sec.pid(), "host"));
    list("devices", sec.devices(), d -> MountRules.device(d.source(), d.target(), d.permissions()));
    KernelRules.Namespace net = KernelRules.namespaceOf(s.networking().mode().toString());
    KernelRules.Namespace ipc = KernelRules.namespaceOf(sec.ipc());
    orEmpty(sec.sysctls())
        .forEach((k, v) -> check(path(at, "sysctls", k), KernelRules.sysctl(k, v, net, ipc)));
  }

  /**
   * {@code ipc} or {@code pid}: one of {@code plain}, {@code service:NAME} or {@code
   * container:NAME}.
   */
  private static String namespace(String attribute, String mode, String... plain) {
    if (mode == null || mode.isEmpty() || List.of(plain).contains(mode)) {
      return null;
    }
    if (mode.startsWith("service:")) {
      return NameRules.key("service", mode.substring("service:".length()));
    }
    if (mode.startsWith("container:")) {
      return NameRules.container(mode.substring("container:".length()));
    }
    return "invalid "
        + attribute
        + " "
        + Quoted.of(mode)
        + ": expected "
        + String.join(", ", plain)
        + ", service:NAME or container:NAME";
  }

  private void strings(
      String attribute, Map<String, String> map, Function<String, String> keyRule, String what) {
    orEmpty(map)
        .forEach(
            (k, v) -> {
              check(path(at, attribute, k), keyRule.apply(k));
              check(path(at, attribute, k), ValueRules.noNul(what + " " + Quoted.of(k), v));
            });
  }

  private <T> void list(String attribute, List<T> values, Function<T, String> rule) {
    List<T> l = values == null ? List.of() : values;
    for (int i = 0; i < l.size(); i++) {
      check(
          path(at, attribute, String.valueOf(i)),
          l.get(i) == null ? MISSING : rule.apply(l.get(i)));
    }
  }

  private void check(List<String> where, String problem) {
    if (problem != null) {
      sink.accept(where, problem);
    }
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> m) {
    return m == null ? Map.of() : m;
  }
}
