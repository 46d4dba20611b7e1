package dev.jcompose.model.validate;

import static dev.jcompose.model.validate.InputChecks.path;

import dev.jcompose.model.api.Service;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

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
    check(path(at, "container_name"), s.containerName() == null ? null : NameRules.container(s.containerName()));
    check(path(at, "hostname"), s.hostname() == null ? null : ValueRules.hostname("hostname", s.hostname()));
    check(path(at, "domainname"), s.domainname() == null ? null : ValueRules.dnsName("domainname", s.domainname()));
    check(path(at, "mac_address"), s.macAddress() == null ? null : ValueRules.mac("mac_address", s.macAddress()));
    namespaces();
    process();
    strings("environment", s.environment(), ValueRules::envKey, "environment variable");
    strings("labels", s.labels(), ValueRules::labelKey, "label");
    list("extra_hosts", s.extraHosts(), ValueRules::extraHost);
    list("dns", s.dns(), v -> ValueRules.ip("dns server", v));
    list("dns_search", s.dnsSearch(), v -> ValueRules.dnsName("dns_search domain", v));
    list("dns_opt", s.dnsOpt(), v -> ValueRules.oneLine("dns_opt", v));
    list("tmpfs", s.tmpfs(), MountRules::tmpfs);
    devices();
    ulimits();
    sysctls();
    mounts();
    networks();
    fileRefs("secrets", s.secrets(), "/run/secrets/");
    fileRefs("configs", s.configs(), "/");
  }

  /** What the shim receives as C strings (a NUL would cut them) and docker's absolute working_dir. */
  private void process() {
    list("command", s.command(), v -> ValueRules.noNul("command", v));
    list("entrypoint", s.entrypoint(), v -> ValueRules.noNul("entrypoint", v));
    check(path(at, "user"), ValueRules.noNul("user", s.user()));
    String wd = s.workingDir();
    check(path(at, "working_dir"), wd == null || wd.isEmpty() || wd.startsWith("/") && wd.indexOf('\0') < 0 ? null
        : "the working directory " + Quoted.of(wd) + " is invalid, it needs to be an absolute path");
  }

  private void namespaces() {
    check(path(at, "network_mode"), joined("network_mode", s.networkMode(), "bridge", "default", "host", "none"));
    check(path(at, "ipc"), joined("ipc", s.ipc(), "host", "private", "shareable", "none"));
    check(path(at, "pid"), joined("pid", s.pid(), "host"));
  }

  /** A namespace mode: one of {@code plain}, {@code service:NAME} or {@code container:NAME}. */
  private static String joined(String attribute, String mode, String... plain) {
    if (mode == null || mode.isEmpty() || List.of(plain).contains(mode)) {
      return null;
    }
    if (mode.startsWith("service:")) {
      return NameRules.key("service", mode.substring("service:".length()));
    }
    if (mode.startsWith("container:")) {
      return NameRules.container(mode.substring("container:".length()));
    }
    return "invalid " + attribute + " " + Quoted.of(mode) + ": expected " + String.join(", ", plain) + ", service:NAME or container:NAME";
  }

  private void devices() {
    List<Service.Device> devices = orEmpty(s.devices());
    for (int i = 0; i < devices.size(); i++) {
      Service.Device d = devices.get(i);
      check(path(at, "devices", String.valueOf(i)), d == null ? MISSING : MountRules.device(d.source(), d.target(), d.permissions()));
    }
  }

  private void ulimits() {
    orEmpty(s.ulimits()).forEach((k, u) -> check(path(at, "ulimits", k), u == null ? MISSING : KernelRules.ulimit(k, u.soft(), u.hard())));
  }

  private void sysctls() {
    KernelRules.Namespace net = KernelRules.namespaceOf(s.networkMode());
    KernelRules.Namespace ipc = KernelRules.namespaceOf(s.ipc());
    orEmpty(s.sysctls()).forEach((k, v) -> check(path(at, "sysctls", k), KernelRules.sysctl(k, v, net, ipc)));
  }

  private void mounts() {
    List<Service.ServiceVolume> vols = orEmpty(s.volumes());
    for (int i = 0; i < vols.size(); i++) {
      Service.ServiceVolume v = vols.get(i);
      List<String> vAt = path(at, "volumes", String.valueOf(i));
      if (v == null) {
        check(vAt, MISSING);
        continue;
      }
      check(vAt, MountRules.absolute("mount target", v.target()));
      check(vAt, v.volumeSubpath() == null ? null : MountRules.subpath(v.volumeSubpath()));
      check(vAt, "bind".equals(v.type()) ? MountRules.absolute("bind source", v.source()) : null);
    }
  }

  private void networks() {
    orEmpty(s.networks()).forEach((net, cfg) -> {
      List<String> nAt = path(at, "networks", net);
      if (cfg == null) {
        return;
      }
      orEmpty(cfg.aliases()).forEach(a -> check(nAt, a == null ? MISSING : ValueRules.dnsName("network alias", a)));
      check(nAt, cfg.ipv4Address() == null ? null : ValueRules.ipv4("ipv4_address", cfg.ipv4Address()));
      check(nAt, cfg.ipv6Address() == null ? null : ValueRules.ip("ipv6_address", cfg.ipv6Address()));
      check(nAt, cfg.macAddress() == null ? null : ValueRules.mac("mac_address", cfg.macAddress()));
    });
  }

  /** Secrets and configs: the mount target (default {@code base + source}) stays a clean absolute path. */
  private void fileRefs(String section, List<Service.ServiceFileRef> refs, String base) {
    List<Service.ServiceFileRef> list = orEmpty(refs);
    for (int i = 0; i < list.size(); i++) {
      Service.ServiceFileRef r = list.get(i);
      if (r == null) {
        check(path(at, section, String.valueOf(i)), MISSING);
        continue;
      }
      String target = r.target() == null || r.target().isEmpty() ? base + r.source()
          : r.target().startsWith("/") ? r.target() : base + r.target();
      check(path(at, section, String.valueOf(i)), MountRules.absolute(section.substring(0, section.length() - 1) + " target", target));
    }
  }

  private void strings(String attribute, Map<String, String> map, java.util.function.Function<String, String> keyRule, String what) {
    orEmpty(map).forEach((k, v) -> {
      check(path(at, attribute, k), keyRule.apply(k));
      check(path(at, attribute, k), ValueRules.noNul(what + " " + Quoted.of(k), v));
    });
  }

  private void list(String attribute, List<String> values, java.util.function.Function<String, String> rule) {
    List<String> l = orEmpty(values);
    for (int i = 0; i < l.size(); i++) {
      check(path(at, attribute, String.valueOf(i)), l.get(i) == null ? MISSING : rule.apply(l.get(i)));
    }
  }

  private void check(List<String> where, String problem) {
    if (problem != null) {
      sink.accept(where, problem);
    }
  }

  private static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> m) {
    return m == null ? Map.of() : m;
  }
}
