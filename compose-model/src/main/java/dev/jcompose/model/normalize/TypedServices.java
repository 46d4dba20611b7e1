package dev.jcompose.model.normalize;

import static dev.jcompose.model.normalize.Canon.at;
import static dev.jcompose.model.normalize.Canon.bool;
import static dev.jcompose.model.normalize.Canon.duration;
import static dev.jcompose.model.normalize.Canon.first;
import static dev.jcompose.model.normalize.Canon.integer;
import static dev.jcompose.model.normalize.Canon.list;
import static dev.jcompose.model.normalize.Canon.lng;
import static dev.jcompose.model.normalize.Canon.map;
import static dev.jcompose.model.normalize.Canon.mapOrEmpty;
import static dev.jcompose.model.normalize.Canon.str;
import static dev.jcompose.model.normalize.Canon.stringMap;
import static dev.jcompose.model.normalize.Canon.strings;

import dev.jcompose.model.api.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the engine's {@link Service} from one canonical service map. Resource limits merge the
 * service attributes with {@code deploy.resources} (validation already made them agree); cpus
 * become nano-CPUs; {@code scale} is the effective replica count (scale, deploy.replicas, else 1).
 * Named-volume mounts keep the volume KEY as source (resolve the engine name through
 * {@code Project.volumes()}), as compose-go does.
 */
final class TypedServices {
  private TypedServices() {}

  static Service service(String name, Map<String, Object> s) {
    Map<String, Object> deploy = mapOrEmpty(s.get("deploy"));
    return new Service(name, str(s.get("image")), map(s.get("build")), strings(s.get("command")),
        strings(s.get("entrypoint")), stringMap(s.get("environment")), str(s.get("working_dir")),
        str(s.get("user")), strings(s.get("group_add")), str(s.get("hostname")), str(s.get("domainname")),
        str(s.get("container_name")), stringMap(s.get("labels")), ports(s), expose(s), volumes(s),
        strings(s.get("tmpfs")), networks(s), str(s.get("network_mode")), dependsOn(s), healthcheck(s),
        str(s.get("restart")), restartPolicy(deploy), scale(s, deploy), resources(s, deploy),
        strings(s.get("cap_add")), strings(s.get("cap_drop")), bool(s.get("privileged")), bool(s.get("read_only")),
        str(s.get("stop_signal")), duration(s.get("stop_grace_period")), bool(s.get("tty")),
        bool(s.get("stdin_open")), Canon.boolOrNull(s.get("init")), ulimits(s), strings(s.get("extra_hosts")),
        strings(s.get("dns")), strings(s.get("dns_search")), strings(s.get("dns_opt")), stringMap(s.get("sysctls")),
        devices(s), strings(s.get("security_opt")), strings(s.get("links")), strings(s.get("profiles")),
        str(s.get("pull_policy")), str(s.get("platform")), lng(s.get("shm_size")), str(s.get("ipc")),
        str(s.get("pid")), str(s.get("mac_address")), map(s.get("logging")), fileRefs(s.get("secrets")),
        fileRefs(s.get("configs")), strings(s.get("device_cgroup_rules")));
  }

  private static List<Service.Port> ports(Map<String, Object> s) {
    List<Service.Port> out = new ArrayList<>();
    for (Object o : list(s.get("ports"))) {
      Map<String, Object> p = mapOrEmpty(o);
      out.add(new Service.Port(str(p.get("name")), integer(first(p.get("target"), 0L)), str(p.get("published")),
          str(p.get("host_ip")), str(p.get("protocol")), str(p.get("mode")), str(p.get("app_protocol"))));
    }
    return out;
  }

  private static List<Service.Expose> expose(Map<String, Object> s) {
    List<Service.Expose> out = new ArrayList<>();
    list(s.get("expose")).forEach(e -> out.add(new Service.Expose(str(e))));
    return out;
  }

  private static List<Service.ServiceVolume> volumes(Map<String, Object> s) {
    List<Service.ServiceVolume> out = new ArrayList<>();
    for (Object o : list(s.get("volumes"))) {
      Map<String, Object> v = mapOrEmpty(o);
      Map<String, Object> bind = map(v.get("bind"));
      Boolean create = bind == null ? null : !Boolean.FALSE.equals(bind.get("create_host_path"));
      out.add(new Service.ServiceVolume(str(v.get("type")), str(v.get("source")), str(v.get("target")),
          bool(v.get("read_only")), str(v.get("consistency")), create, str(at(v, "bind", "propagation")),
          str(at(v, "bind", "selinux")), Canon.boolOrNull(at(v, "volume", "nocopy")), str(at(v, "volume", "subpath")),
          lng(at(v, "tmpfs", "size")), integer(at(v, "tmpfs", "mode"))));
    }
    return out;
  }

  private static Map<String, Service.ServiceNetwork> networks(Map<String, Object> s) {
    Map<String, Service.ServiceNetwork> out = new LinkedHashMap<>();
    mapOrEmpty(s.get("networks")).forEach((k, v) -> {
      Map<String, Object> n = mapOrEmpty(v);
      out.put(k, new Service.ServiceNetwork(strings(n.get("aliases")), str(n.get("ipv4_address")),
          str(n.get("ipv6_address")), str(n.get("mac_address")), integer(n.get("priority")),
          integer(n.get("gw_priority")), stringMap(n.get("driver_opts"))));
    });
    return out;
  }

  private static Map<String, Service.Dependency> dependsOn(Map<String, Object> s) {
    Map<String, Service.Dependency> out = new LinkedHashMap<>();
    mapOrEmpty(s.get("depends_on")).forEach((k, v) -> {
      Map<String, Object> d = mapOrEmpty(v);
      out.put(k, new Service.Dependency(str(d.get("condition")), bool(d.get("restart")), !Boolean.FALSE.equals(d.get("required"))));
    });
    return out;
  }

  private static Service.HealthCheck healthcheck(Map<String, Object> s) {
    Map<String, Object> h = map(s.get("healthcheck"));
    if (h == null) {
      return null;
    }
    List<String> test = strings(h.get("test"));
    boolean disable = bool(h.get("disable")) || test != null && test.equals(List.of("NONE"));
    return new Service.HealthCheck(test, duration(h.get("interval")), duration(h.get("timeout")),
        integer(h.get("retries")), duration(h.get("start_period")), duration(h.get("start_interval")), disable);
  }

  private static Service.RestartPolicy restartPolicy(Map<String, Object> deploy) {
    Map<String, Object> r = map(deploy.get("restart_policy"));
    return r == null ? null : new Service.RestartPolicy(str(r.get("condition")), duration(r.get("delay")),
        integer(r.get("max_attempts")), duration(r.get("window")));
  }

  private static Integer scale(Map<String, Object> s, Map<String, Object> deploy) {
    Long v = lng(first(s.get("scale"), deploy.get("replicas")));
    return v == null ? 1 : v.intValue();
  }

  private static Service.Resources resources(Map<String, Object> s, Map<String, Object> deploy) {
    Map<String, Object> limits = mapOrEmpty(at(deploy, "resources", "limits"));
    Map<String, Object> reservations = mapOrEmpty(at(deploy, "resources", "reservations"));
    Object cpus = first(s.get("cpus"), limits.get("cpus"));
    Long nano = cpus == null ? null : Math.round(((Number) cpus).doubleValue() * 1e9);
    return new Service.Resources(lng(first(s.get("mem_limit"), limits.get("memory"))), lng(s.get("memswap_limit")),
        lng(first(s.get("mem_reservation"), reservations.get("memory"))), nano, lng(s.get("cpu_shares")),
        lng(s.get("cpu_quota")), lng(s.get("cpu_period")), str(s.get("cpuset")),
        lng(first(s.get("pids_limit"), limits.get("pids"))), integer(s.get("oom_score_adj")),
        Canon.boolOrNull(s.get("oom_kill_disable")));
  }

  private static Map<String, Service.Ulimit> ulimits(Map<String, Object> s) {
    Map<String, Service.Ulimit> out = new LinkedHashMap<>();
    mapOrEmpty(s.get("ulimits")).forEach((k, v) -> {
      Map<String, Object> m = map(v);
      out.put(k, m == null ? new Service.Ulimit(lng(v), lng(v))
          : new Service.Ulimit(lng(first(m.get("soft"), 0L)), lng(first(m.get("hard"), 0L))));
    });
    return out;
  }

  private static List<Service.Device> devices(Map<String, Object> s) {
    List<Service.Device> out = new ArrayList<>();
    for (Object o : list(s.get("devices"))) {
      Map<String, Object> d = mapOrEmpty(o);
      out.add(new Service.Device(str(d.get("source")), str(d.get("target")), str(d.get("permissions"))));
    }
    return out;
  }

  private static List<Service.ServiceFileRef> fileRefs(Object refs) {
    List<Service.ServiceFileRef> out = new ArrayList<>();
    for (Object o : list(refs)) {
      Map<String, Object> r = mapOrEmpty(o);
      Integer mode = r.get("mode") == null ? null : Integer.parseInt((String) r.get("mode"), 8);
      out.add(new Service.ServiceFileRef(str(r.get("source")), str(r.get("target")), str(r.get("uid")),
          str(r.get("gid")), mode));
    }
    return out;
  }
}
