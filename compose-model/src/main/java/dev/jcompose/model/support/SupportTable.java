package dev.jcompose.model.support;

import static dev.jcompose.model.support.Support.applied;
import static dev.jcompose.model.support.Support.refused;
import static dev.jcompose.model.support.Support.warned;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one place that knows, for every attribute the loader accepts, whether jcompose applies it,
 * warns that it does not, or refuses the file (issue 13). {@link SupportCheck} reads it to warn and
 * refuse with file:line; the notes say what is applied and where docker's behaviour differs. An
 * attribute missing here is an error of this table ({@code SupportTableTest} checks that every
 * service attribute the loader knows is listed).
 */
public final class SupportTable {
  private SupportTable() {}

  /**
   * Service attributes, in compose-go's order; values some of which are not supported are rules in
   * {@link SupportCheck}.
   */
  public static final Map<String, Support> SERVICE =
      table(
          applied("profiles", "services outside the active profiles are not started"),
          warned("annotations", "OCI annotations have no meaning for jcompose's runtime: ignored"),
          applied(
              "attach",
              "attach: false keeps the service's output out of an attached up (logs still shows"
                  + " it; up --attach overrides)"),
          applied("build", "built by jcompose's builder"),
          applied(
              "develop",
              "watch (sync, sync+restart, restart, sync+exec, rebuild) with up --watch and watch"),
          applied(
              "blkio_config",
              "weight, weight_device and the throttles on cgroup v1 (blkio) and v2 (io.weight/io.max)"),
          applied("cap_add", "added to docker's default capabilities"),
          applied("cap_drop", "removed from docker's default capabilities"),
          applied(
              "cgroup_parent",
              "the container's groups under this parent in every hierarchy, levels created as needed"),
          applied(
              "cgroup",
              "host or private namespace (default: host on cgroup v1, private on v2, as dockerd)"),
          warned("cpu_count", "a Windows setting docker ignores on Linux: ignored"),
          warned("cpu_percent", "a Windows setting docker ignores on Linux: ignored"),
          applied("cpu_period", "cpu.cfs_period_us / cpu.max"),
          applied("cpu_quota", "cpu.cfs_quota_us / cpu.max"),
          applied(
              "cpu_rt_period",
              "cpu.rt_period_us on cgroup v1; v2 has no real-time groups (discarded, as dockerd)"),
          applied(
              "cpu_rt_runtime",
              "cpu.rt_runtime_us on cgroup v1; v2 has no real-time groups (discarded, as dockerd)"),
          applied("cpus", "a CFS quota per 100 ms period"),
          applied("cpuset", "cpuset.cpus"),
          applied("cpu_shares", "cpu.shares / cpu.weight"),
          applied("command", "split like a POSIX shell when a string"),
          applied(
              "configs",
              "file: read-only bind; content/environment: a file with uid, gid and mode"),
          applied("container_name", "the container's name"),
          warned("credential_spec", "a Windows setting: ignored"),
          applied("depends_on", "start order and conditions"),
          applied(
              "deploy",
              "replicas, resources (limits, memory reservation), restart_policy; the swarm-only parts are ignored"),
          applied(
              "device_cgroup_rules",
              "added to runc's default device allow-list (devices cgroup on v1, eBPF on v2)"),
          applied("devices", "host devices in the container"),
          applied("dns", "upstream servers of the embedded DNS, or the nameservers without one"),
          applied("dns_opt", "the options of resolv.conf"),
          applied("dns_search", "the search domains of resolv.conf"),
          warned("dockerfile", "not a service attribute of the specification: ignored"),
          applied("domainname", "the NIS domain name and the fqdn in /etc/hosts"),
          applied("entrypoint", "split like a POSIX shell when a string"),
          refused("provider", "provider services are not supported"),
          applied("environment", "variables without a value come from the project's environment"),
          applied("env_file", "read when the file is loaded"),
          applied("expose", "documentation only, as with docker"),
          applied("extends", "resolved when the file is loaded"),
          warned("external_links", "containers outside the project are not linked: ignored"),
          applied("extra_hosts", "lines of /etc/hosts"),
          warned("gpus", "no GPU support: ignored"),
          applied("group_add", "supplementary groups"),
          applied("healthcheck", "probes by exec, docker's timings"),
          applied("hostname", "the UTS hostname"),
          applied("image", "pulled from its registry"),
          applied("init", "jcinit as /sbin/docker-init, PID 1 of the container"),
          applied(
              "ipc", "private, shareable, none, host or service:/container: of a shareable donor"),
          warned("isolation", "a Windows setting: ignored"),
          applied("labels", "container labels"),
          applied("label_file", "read when the file is loaded"),
          applied("links", "names in the embedded DNS"),
          applied(
              "logging",
              "json-file (max-size, max-file, compress), local and none; other drivers keep a json-file log"),
          applied("log_driver", "as logging.driver"),
          applied("log_opt", "as logging.options"),
          applied("mem_limit", "memory limit"),
          applied("mem_reservation", "soft limit (memory.low on v2)"),
          applied("memswap_limit", "memory + swap"),
          applied(
              "mem_swappiness",
              "memory.swappiness on cgroup v1; v2 has none (discarded, as dockerd)"),
          applied(
              "mac_address", "the MAC address on the primary network, as docker compose sends it"),
          warned("models", "AI models are not supported: ignored"),
          warned("net", "the version 1 spelling of network_mode: ignored, use network_mode"),
          applied(
              "network_mode",
              "bridge (the project's networks), host, none, service: and container:"),
          applied(
              "networks",
              "attachments, aliases, fixed IPv4 and IPv6 addresses, link-local addresses, MAC"
                  + " addresses, interface names, priority and gw_priority"),
          applied(
              "oom_kill_disable",
              "memory.oom_control on cgroup v1; v2 cannot disable the OOM killer (discarded, as dockerd)"),
          applied("oom_score_adj", "the init's oom_score_adj"),
          applied("pid", "private, host, service: or container:"),
          applied("pids_limit", "pids.max"),
          applied("platform", "the host's platform runs; another is refused at up (no emulation)"),
          applied("ports", "published by the engine"),
          applied(
              "privileged", "all capabilities and devices' access, /sys writable, nothing masked"),
          applied("pull_policy", "always, never, missing, build, daily, weekly, every_<duration>"),
          applied(
              "read_only",
              "the root file system and /etc/hosts, /etc/hostname, /etc/resolv.conf read-only"),
          applied("restart", "restart policy"),
          warned("runtime", "jcompose runs its own runtime: ignored"),
          applied("scale", "replicas"),
          applied("secrets", "file: read-only bind; environment: a file with uid, gid and mode"),
          applied(
              "security_opt",
              "seccomp (docker's default, unconfined, a JSON profile) and no-new-privileges; apparmor,"
                  + " label, systempaths and writable-cgroups are warned (SecurityRules), others refused"),
          applied("shm_size", "size of /dev/shm"),
          applied("stdin_open", "stdin kept open"),
          applied("stop_grace_period", "time between the stop signal and SIGKILL"),
          applied("stop_signal", "signal sent by stop"),
          warned("storage_opt", "no storage driver options: ignored"),
          applied("sysctls", "written in the container's namespaces"),
          applied("tmpfs", "tmpfs mounts"),
          applied("tty", "a pty of the container's own devpts, bound on /dev/console"),
          applied("ulimits", "rlimits, clamped to the engine's hard limits"),
          refused("use_api_socket", "there is no Docker API socket to give the container"),
          applied("user", "uid, gid and groups from the image's /etc/passwd and /etc/group"),
          applied(
              "userns_mode", "host (the only mode without a user namespace); others are refused"),
          applied("uts", "host; docker knows no other mode"),
          warned("volume_driver", "volumes use the local driver: ignored"),
          applied("volumes", "binds, named and anonymous volumes, tmpfs"),
          applied(
              "volumes_from",
              "the volumes and binds of another service's or container's container"),
          applied("working_dir", "the working directory"),
          warned("pre_start", "not supported: ignored"),
          applied(
              "post_start",
              "run in the container after it started (up, run); not by the stop/start/restart verbs"),
          applied("pre_stop", "run in the container before it is stopped by up and down"));

  /**
   * Nested service attributes that are not (fully) applied; their parents are in {@link #SERVICE}.
   */
  public static final Map<String, Support> NESTED =
      table(
          warned("deploy.mode", "swarm only: ignored"),
          warned("deploy.labels", "swarm service labels: ignored"),
          warned("deploy.update_config", "swarm only: ignored"),
          warned("deploy.rollback_config", "swarm only: ignored"),
          warned("deploy.placement", "swarm only: ignored"),
          warned("deploy.endpoint_mode", "swarm only: ignored"),
          warned(
              "deploy.resources.reservations.cpus",
              "docker ignores CPU reservations outside swarm: ignored"),
          warned("deploy.resources.reservations.devices", "no device reservations (GPUs): ignored"),
          warned("deploy.resources.reservations.generic_resources", "swarm only: ignored"),
          warned("deploy.resources.limits.devices", "no device limits: ignored"),
          warned("deploy.restart_policy.delay", "docker compose ignores it too"),
          warned("deploy.restart_policy.window", "docker compose ignores it too"),
          warned(
              "volumes.*.bind.propagation",
              "binds have the container's default propagation: ignored"),
          warned("volumes.*.bind.selinux", "no SELinux labels: ignored"),
          warned("volumes.*.consistency", "a Docker Desktop setting: ignored"));

  /** Top-level resources. */
  public static final Map<String, Support> TOP =
      table(
          applied(
              "networks",
              "bridge, macvlan and ipvlan (host and none as external networks), IPv4 and IPv6, every"
                  + " IPAM pool, internal, docker's driver options; unknown options are warned, other"
                  + " drivers refused"),
          applied(
              "volumes",
              "local volumes with the local driver's options (type, o, device), external ones,"
                  + " labels; other drivers are warned"),
          applied(
              "secrets",
              "file and environment secrets; external ones are refused at up, as docker compose does"),
          applied(
              "configs",
              "file, environment and content configs; external ones are refused at up, as docker compose does"));

  private static Map<String, Support> table(Support... entries) {
    Map<String, Support> out = new LinkedHashMap<>();
    for (Support s : entries) {
      out.put(s.attribute(), s);
    }
    return out;
  }

  /** Every entry, service ones first (for the report and the docs). */
  public static List<Support> all() {
    return Stream.of(SERVICE.values(), NESTED.values(), TOP.values())
        .flatMap(Collection::stream)
        .toList();
  }
}
