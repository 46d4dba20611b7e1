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

import dev.jcompose.model.api.BuildConfig;
import dev.jcompose.model.api.DevelopConfig;
import dev.jcompose.model.api.HealthCheck;
import dev.jcompose.model.api.LoggingConfig;
import dev.jcompose.model.api.NetworkMode;
import dev.jcompose.model.api.PortRange;
import dev.jcompose.model.api.Protocol;
import dev.jcompose.model.api.RestartPolicy;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceLifecycle;
import dev.jcompose.model.api.ServiceNetworking;
import dev.jcompose.model.api.ServiceProcess;
import dev.jcompose.model.api.ServiceResources;
import dev.jcompose.model.api.ServiceSecurity;
import dev.jcompose.model.api.ServiceStorage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the engine's {@link Service} from one canonical service map: the one place where a compose
 * value becomes its typed form. Resource limits merge the service attributes with {@code
 * deploy.resources} (validation already made them agree); cpus become nano-CPUs; {@code scale} is
 * the effective replica count (scale, deploy.replicas, else 1); the restart policy merges {@code
 * restart} and {@code deploy.restart_policy}. Named-volume mounts keep the volume KEY as source
 * (resolve the engine name through {@code Project.volumes()}), as compose-go does.
 */
final class TypedServices {
  private final String name;
  private final Map<String, Object> s;
  private final TypedValues values;

  private TypedServices(String name, Map<String, Object> s, TypedValues values) {
    this.name = name;
    this.s = s;
    this.values = values;
  }

  static Service service(String name, Map<String, Object> canonical, TypedValues values) {
    return new TypedServices(name, canonical, values).build();
  }

  private Service build() {
    return Service.builder(name)
        .image(str(s.get("image")))
        .pullPolicy(str(s.get("pull_policy")))
        .platform(str(s.get("platform")))
        .build(build(map(s.get("build"))))
        .containerName(str(s.get("container_name")))
        .labels(stringMap(s.get("labels")))
        .profiles(strings(s.get("profiles")))
        .process(process())
        .networking(networking())
        .storage(storage())
        .resources(resources())
        .security(security())
        .healthcheck(healthcheck())
        .lifecycle(lifecycle())
        .logging(logging())
        .develop(develop())
        .hashedForm(ConfigHashes.hashedForm(s))
        .build();
  }

  private ServiceProcess process() {
    return ServiceProcess.builder()
        .command(strings(s.get("command")))
        .entrypoint(strings(s.get("entrypoint")))
        .environment(stringMap(s.get("environment")))
        .workingDir(str(s.get("working_dir")))
        .user(str(s.get("user")))
        .groupAdd(strings(s.get("group_add")))
        .tty(bool(s.get("tty")))
        .stdinOpen(bool(s.get("stdin_open")))
        .init(Canon.boolOrNull(s.get("init")))
        .attach(!Boolean.FALSE.equals(Canon.boolOrNull(s.get("attach"))))
        .build();
  }

  private ServiceNetworking networking() {
    return ServiceNetworking.builder()
        .mode(NetworkMode.parse(str(s.get("network_mode"))))
        .networks(attachments())
        .hostname(str(s.get("hostname")))
        .domainname(str(s.get("domainname")))
        .macAddress(str(s.get("mac_address")))
        .ports(ports())
        .expose(
            values.each(
                s.get("expose"), ServiceNetworking.Expose::parse, "services", name, "expose"))
        .extraHosts(
            values.each(
                s.get("extra_hosts"),
                ServiceNetworking.ExtraHost::parse,
                "services",
                name,
                "extra_hosts"))
        .dns(strings(s.get("dns")))
        .dnsSearch(strings(s.get("dns_search")))
        .dnsOpt(strings(s.get("dns_opt")))
        .links(
            values.each(s.get("links"), ServiceNetworking.Link::parse, "services", name, "links"))
        .build();
  }

  private List<ServiceNetworking.Port> ports() {
    return values.eachMap(
        s.get("ports"),
        (p, i) ->
            new ServiceNetworking.Port(
                str(p.get("name")),
                integer(first(p.get("target"), 0L)),
                values.parse(
                    str(p.get("published")),
                    v -> PortRange.parse(v, "published port"),
                    "services",
                    name,
                    "ports",
                    Integer.toString(i),
                    "published"),
                str(p.get("host_ip")),
                values.parse(
                    str(p.get("protocol")),
                    Protocol::parse,
                    "services",
                    name,
                    "ports",
                    Integer.toString(i),
                    "protocol"),
                str(p.get("mode")),
                str(p.get("app_protocol"))));
  }

  private Map<String, ServiceNetworking.Attachment> attachments() {
    Map<String, ServiceNetworking.Attachment> out = new LinkedHashMap<>();
    mapOrEmpty(s.get("networks"))
        .forEach(
            (k, v) -> {
              Map<String, Object> n = mapOrEmpty(v);
              out.put(
                  k,
                  new ServiceNetworking.Attachment(
                      strings(n.get("aliases")),
                      str(n.get("ipv4_address")),
                      str(n.get("ipv6_address")),
                      str(n.get("mac_address")),
                      integer(n.get("priority")),
                      integer(n.get("gw_priority")),
                      stringMap(n.get("driver_opts")),
                      str(n.get("interface_name")),
                      strings(n.get("link_local_ips"))));
            });
    return out;
  }

  private ServiceStorage storage() {
    return new ServiceStorage(
        values.eachMap(s.get("volumes"), this::mount),
        values.each(s.get("tmpfs"), ServiceStorage.Tmpfs::parse, "services", name, "tmpfs"),
        fileRefs(s.get("secrets")),
        fileRefs(s.get("configs")),
        strings(s.get("volumes_from")));
  }

  private ServiceStorage.Mount mount(Map<String, Object> v, int index) {
    Map<String, Object> bind = map(v.get("bind"));
    Boolean create = bind == null ? null : !Boolean.FALSE.equals(bind.get("create_host_path"));
    ServiceStorage.MountType type =
        values.parse(
            str(v.get("type")),
            ServiceStorage.MountType::parse,
            "services",
            name,
            "volumes",
            Integer.toString(index),
            "type");
    return new ServiceStorage.Mount(
        type,
        str(v.get("source")),
        str(v.get("target")),
        bool(v.get("read_only")),
        str(v.get("consistency")),
        create,
        str(at(v, "bind", "propagation")),
        str(at(v, "bind", "selinux")),
        Canon.boolOrNull(at(v, "volume", "nocopy")),
        str(at(v, "volume", "subpath")),
        lng(at(v, "tmpfs", "size")),
        integer(at(v, "tmpfs", "mode")));
  }

  private List<ServiceStorage.FileRef> fileRefs(Object refs) {
    return values.eachMap(
        refs,
        (r, i) ->
            new ServiceStorage.FileRef(
                str(r.get("source")),
                str(r.get("target")),
                str(r.get("uid")),
                str(r.get("gid")),
                r.get("mode") == null ? null : Integer.parseInt((String) r.get("mode"), 8)));
  }

  private ServiceResources resources() {
    Map<String, Object> deploy = mapOrEmpty(s.get("deploy"));
    Map<String, Object> limits = mapOrEmpty(at(deploy, "resources", "limits"));
    Map<String, Object> reservations = mapOrEmpty(at(deploy, "resources", "reservations"));
    Object cpus = first(s.get("cpus"), limits.get("cpus"));
    return ServiceResources.builder()
        .memLimit(lng(first(s.get("mem_limit"), limits.get("memory"))))
        .memswapLimit(lng(s.get("memswap_limit")))
        .memReservation(lng(first(s.get("mem_reservation"), reservations.get("memory"))))
        .nanoCpus(cpus == null ? null : Math.round(((Number) cpus).doubleValue() * 1e9))
        .cpuShares(lng(s.get("cpu_shares")))
        .cpuQuota(lng(s.get("cpu_quota")))
        .cpuPeriod(lng(s.get("cpu_period")))
        .cpuset(str(s.get("cpuset")))
        .pidsLimit(lng(first(s.get("pids_limit"), limits.get("pids"))))
        .oomScoreAdj(integer(s.get("oom_score_adj")))
        .oomKillDisable(Canon.boolOrNull(s.get("oom_kill_disable")))
        .shmSize(lng(s.get("shm_size")))
        .ulimits(ulimits(s.get("ulimits")))
        .memSwappiness(lng(s.get("mem_swappiness")))
        .cpuRt(lng(s.get("cpu_rt_runtime")), lng(s.get("cpu_rt_period")))
        .blkio(blkio(map(s.get("blkio_config"))))
        .build();
  }

  private static ServiceResources.Blkio blkio(Map<String, Object> b) {
    return b == null
        ? null
        : new ServiceResources.Blkio(
            integer(b.get("weight")),
            deviceValues(b.get("weight_device"), "weight"),
            deviceValues(b.get("device_read_bps"), "rate"),
            deviceValues(b.get("device_read_iops"), "rate"),
            deviceValues(b.get("device_write_bps"), "rate"),
            deviceValues(b.get("device_write_iops"), "rate"));
  }

  private static List<ServiceResources.DeviceValue> deviceValues(Object o, String valueKey) {
    List<ServiceResources.DeviceValue> out = new ArrayList<>();
    for (Object d : list(o)) {
      Map<String, Object> m = mapOrEmpty(d);
      Long value = lng(m.get(valueKey));
      out.add(new ServiceResources.DeviceValue(str(m.get("path")), value == null ? 0 : value));
    }
    return out;
  }

  private static Map<String, ServiceResources.Ulimit> ulimits(Object ulimits) {
    Map<String, ServiceResources.Ulimit> out = new LinkedHashMap<>();
    mapOrEmpty(ulimits)
        .forEach(
            (k, v) -> {
              Map<String, Object> m = map(v);
              out.put(
                  k,
                  m == null
                      ? new ServiceResources.Ulimit(lng(v), lng(v))
                      : new ServiceResources.Ulimit(
                          lng(first(m.get("soft"), 0L)), lng(first(m.get("hard"), 0L))));
            });
    return out;
  }

  private ServiceSecurity security() {
    return ServiceSecurity.builder()
        .privileged(bool(s.get("privileged")))
        .readOnly(bool(s.get("read_only")))
        .capAdd(strings(s.get("cap_add")))
        .capDrop(strings(s.get("cap_drop")))
        .securityOpt(strings(s.get("security_opt")))
        .deviceCgroupRules(strings(s.get("device_cgroup_rules")))
        .devices(
            values.eachMap(
                s.get("devices"),
                (d, i) ->
                    new ServiceSecurity.Device(
                        str(d.get("source")), str(d.get("target")), str(d.get("permissions")))))
        .sysctls(stringMap(s.get("sysctls")))
        .ipc(str(s.get("ipc")))
        .pid(str(s.get("pid")))
        .uts(str(s.get("uts")))
        .cgroup(str(s.get("cgroup")))
        .cgroupParent(str(s.get("cgroup_parent")))
        .usernsMode(str(s.get("userns_mode")))
        .build();
  }

  private HealthCheck healthcheck() {
    Map<String, Object> h = map(s.get("healthcheck"));
    if (h == null) {
      return null;
    }
    List<String> test = strings(h.get("test"));
    boolean disable = bool(h.get("disable")) || (test != null && test.equals(List.of("NONE")));
    return new HealthCheck(
        test,
        duration(h.get("interval")),
        duration(h.get("timeout")),
        integer(h.get("retries")),
        duration(h.get("start_period")),
        duration(h.get("start_interval")),
        disable);
  }

  private ServiceLifecycle lifecycle() {
    Map<String, Object> deploy = mapOrEmpty(s.get("deploy"));
    Map<String, ServiceLifecycle.Dependency> deps = new LinkedHashMap<>();
    mapOrEmpty(s.get("depends_on"))
        .forEach(
            (k, v) -> {
              Map<String, Object> d = mapOrEmpty(v);
              deps.put(
                  k,
                  new ServiceLifecycle.Dependency(
                      str(d.get("condition")),
                      bool(d.get("restart")),
                      !Boolean.FALSE.equals(d.get("required"))));
            });
    Long scale = lng(first(s.get("scale"), deploy.get("replicas")));
    return new ServiceLifecycle(
        deps,
        restart(map(deploy.get("restart_policy"))),
        scale == null ? 1 : scale.intValue(),
        str(s.get("stop_signal")),
        duration(s.get("stop_grace_period")),
        hooks(s.get("post_start")),
        hooks(s.get("pre_stop")));
  }

  private static List<ServiceLifecycle.Hook> hooks(Object o) {
    List<ServiceLifecycle.Hook> out = new ArrayList<>();
    for (Object h : list(o)) {
      Map<String, Object> m = mapOrEmpty(h);
      out.add(
          new ServiceLifecycle.Hook(
              strings(m.get("command")),
              str(m.get("user")),
              bool(m.get("privileged")),
              str(m.get("working_dir")),
              stringMap(m.get("environment"))));
    }
    return out;
  }

  /** docker compose's getRestartPolicy: a deploy.restart_policy replaces restart entirely. */
  private RestartPolicy restart(Map<String, Object> deploy) {
    if (deploy == null) {
      RestartPolicy p =
          values.parse(str(s.get("restart")), RestartPolicy::parse, "services", name, "restart");
      return p == null ? RestartPolicy.NO : p;
    }
    Integer max = integer(deploy.get("max_attempts"));
    RestartPolicy p =
        values.parse(
            str(deploy.get("condition")),
            c ->
                RestartPolicy.ofDeploy(
                    c, max, duration(deploy.get("delay")), duration(deploy.get("window"))),
            "services",
            name,
            "deploy",
            "restart_policy",
            "condition");
    return p != null
        ? p
        : RestartPolicy.ofDeploy(
            null, max, duration(deploy.get("delay")), duration(deploy.get("window")));
  }

  private DevelopConfig develop() {
    Map<String, Object> d = map(s.get("develop"));
    if (d == null) {
      return null;
    }
    return new DevelopConfig(
        values.eachMap(
            d.get("watch"),
            (w, i) -> {
              String at = Integer.toString(i);
              DevelopConfig.Action action =
                  values.parse(
                      str(w.get("action")),
                      DevelopConfig.Action::parse,
                      "services",
                      name,
                      "develop",
                      "watch",
                      at,
                      "action");
              String target = str(w.get("target"));
              if (action != null && action.syncs() && (target == null || target.isEmpty())) {
                values.parse(
                    "",
                    x -> {
                      throw new IllegalArgumentException(
                          "action " + action.id() + " needs a target");
                    },
                    "services",
                    name,
                    "develop",
                    "watch",
                    at);
              }
              Map<String, Object> exec = map(w.get("exec"));
              DevelopConfig.ExecHook hook =
                  exec == null
                      ? null
                      : new DevelopConfig.ExecHook(
                          strings(exec.get("command")),
                          str(exec.get("user")),
                          str(exec.get("working_dir")),
                          stringMap(exec.get("environment")),
                          bool(exec.get("privileged")));
              return new DevelopConfig.WatchRule(
                  str(w.get("path")),
                  action,
                  target,
                  strings(w.get("ignore")),
                  bool(w.get("initial_sync")),
                  hook);
            }));
  }

  /** {@code logging}, or the legacy {@code log_driver}/{@code log_opt} of version 2 files. */
  private LoggingConfig logging() {
    Map<String, Object> l = mapOrEmpty(s.get("logging"));
    Object driver = first(l.get("driver"), s.get("log_driver"));
    Object options = first(l.get("options"), s.get("log_opt"));
    return driver == null && options == null && !s.containsKey("logging")
        ? null
        : new LoggingConfig(str(driver), stringMap(options));
  }

  private BuildConfig build(Map<String, Object> b) {
    if (b == null) {
      return null;
    }
    return new BuildConfig(
        str(b.get("context")),
        str(b.get("dockerfile")),
        str(b.get("dockerfile_inline")),
        stringMap(b.get("args")),
        str(b.get("target")),
        stringMap(b.get("labels")),
        strings(b.get("cache_from")),
        strings(b.get("cache_to")),
        bool(b.get("no_cache")),
        bool(b.get("pull")),
        str(b.get("network")),
        stringMap(b.get("additional_contexts")),
        strings(b.get("tags")),
        strings(b.get("platforms")),
        values.each(
            b.get("extra_hosts"),
            ServiceNetworking.ExtraHost::parse,
            "services",
            name,
            "build",
            "extra_hosts"),
        lng(b.get("shm_size")),
        fileRefs(b.get("secrets")),
        ssh(b.get("ssh")));
  }

  // ssh is a list ("default", "id=path") or a map (id: path) in compose files
  private static List<String> ssh(Object o) {
    if (o instanceof Map<?, ?> m) {
      List<String> out = new java.util.ArrayList<>();
      m.forEach((k, v) -> out.add(v == null ? String.valueOf(k) : k + "=" + v));
      return out;
    }
    return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
  }
}
