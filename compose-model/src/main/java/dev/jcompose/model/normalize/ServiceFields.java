package dev.jcompose.model.normalize;

import static dev.jcompose.model.normalize.Converters.BOOL;
import static dev.jcompose.model.normalize.Converters.BOOL_PTR;
import static dev.jcompose.model.normalize.Converters.BYTES;
import static dev.jcompose.model.normalize.Converters.DURATION_PTR;
import static dev.jcompose.model.normalize.Converters.FLOAT32;
import static dev.jcompose.model.normalize.Converters.GENERIC;
import static dev.jcompose.model.normalize.Converters.INT;
import static dev.jcompose.model.normalize.Converters.INT_PTR;
import static dev.jcompose.model.normalize.Converters.MAPPING;
import static dev.jcompose.model.normalize.Converters.MAPPING_EQ;
import static dev.jcompose.model.normalize.Converters.STRING;
import static dev.jcompose.model.normalize.Converters.STRINGS;
import static dev.jcompose.model.normalize.Converters.STRING_OR_LIST;

/**
 * Every service attribute compose knows, in the declaration order of compose-go's
 * types.ServiceConfig (which is the key order of {@code docker compose config --format json}),
 * each with its converter. Attributes not listed are schema errors. {@code env_file} and
 * {@code label_file} are consumed by the environment/label resolution and never printed, as with
 * {@code docker compose config}.
 */
final class ServiceFields {
  private ServiceFields() {}

  static final Conv STRINGIFIED = (n, p, c) -> Converters.omitIfEmpty(Converters.strings(n, p, true));
  static final Conv PULL_POLICY = (n, p, c) -> {
    String v = Converters.text(n);
    return Converters.omitIfEmpty("if_not_present".equals(v) ? "missing" : v);
  };
  static final Conv CONSUMED = (n, p, c) -> Conv.OMIT;

  static final StructConv SERVICE = StructConv.of(
      "profiles", STRINGS, "annotations", MAPPING, "attach", BOOL_PTR, "build", NestedConvs.BUILD,
      "develop", GENERIC, "blkio_config", NestedConvs.BLKIO, "cap_add", STRINGS, "cap_drop", STRINGS,
      "cgroup_parent", STRING, "cgroup", STRING, "cpu_count", INT, "cpu_percent", FLOAT32,
      "cpu_period", INT, "cpu_quota", INT, "cpu_rt_period", INT, "cpu_rt_runtime", INT, "cpus", FLOAT32,
      "cpuset", STRING, "cpu_shares", INT, "command", ListConvs.COMMAND, "configs", ListConvs.CONFIGS,
      "container_name", STRING, "credential_spec", GENERIC, "depends_on", MapConvs.DEPENDS_ON,
      "deploy", NestedConvs.DEPLOY_CONV, "device_cgroup_rules", STRINGS, "devices", ListConvs.DEVICES,
      "dns", STRING_OR_LIST, "dns_opt", STRINGS, "dns_search", STRING_OR_LIST, "dockerfile", STRING,
      "domainname", STRING, "entrypoint", ListConvs.COMMAND, "provider", GENERIC,
      "environment", MAPPING_EQ, "env_file", CONSUMED, "expose", STRINGIFIED, "extends", CONSUMED,
      "external_links", STRINGS, "extra_hosts", MapConvs.EXTRA_HOSTS, "group_add", STRINGIFIED,
      "gpus", GENERIC, "hostname", STRING, "healthcheck", NestedConvs.HEALTHCHECK, "image", STRING,
      "init", BOOL_PTR, "ipc", STRING, "isolation", STRING, "labels", MAPPING, "label_file", CONSUMED,
      "links", STRINGS, "logging", NestedConvs.LOGGING, "log_driver", STRING, "log_opt", MAPPING,
      "mem_limit", BYTES, "mem_reservation", BYTES, "memswap_limit", BYTES, "mem_swappiness", BYTES,
      "mac_address", STRING, "models", GENERIC, "net", STRING, "network_mode", STRING,
      "networks", MapConvs.NETWORKS, "oom_kill_disable", BOOL, "oom_score_adj", INT, "pid", STRING,
      "pids_limit", INT, "platform", STRING, "ports", ListConvs.PORTS, "privileged", BOOL,
      "pull_policy", PULL_POLICY, "read_only", BOOL, "restart", STRING, "runtime", STRING,
      "scale", INT_PTR, "secrets", ListConvs.SECRETS, "security_opt", STRINGS, "shm_size", BYTES,
      "stdin_open", BOOL, "stop_grace_period", DURATION_PTR, "stop_signal", STRING,
      "storage_opt", MAPPING, "sysctls", MAPPING, "tmpfs", STRING_OR_LIST, "tty", BOOL,
      "ulimits", MapConvs.ULIMITS, "use_api_socket", BOOL, "user", STRING, "userns_mode", STRING,
      "uts", STRING, "volume_driver", STRING, "volumes", ListConvs.VOLUMES, "volumes_from", STRINGS,
      "working_dir", STRING, "pre_start", NestedConvs.HOOKS, "post_start", NestedConvs.HOOKS,
      "pre_stop", NestedConvs.HOOKS);
}
