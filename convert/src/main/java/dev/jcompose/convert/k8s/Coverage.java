package dev.jcompose.convert.k8s;

import dev.jcompose.model.api.Service;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The guarantee that nothing is dropped silently: every attribute a compose file writes for a
 * service (and under {@code deploy}) is either one the converter maps — and then reports itself
 * where a value cannot be kept — or it is reported here as having no Kubernetes equivalent.
 * Attributes filled in by compose's defaults rather than written are not reported.
 */
final class Coverage {
  /** Service attributes the converter maps, at least in part. */
  static final Set<String> MAPPED =
      Set.of(
          "annotations",
          "build",
          "cap_add",
          "cap_drop",
          "command",
          "configs",
          "cpu_period",
          "cpu_quota",
          "cpu_shares",
          "cpus",
          "depends_on",
          "deploy",
          "dns",
          "dns_opt",
          "dns_search",
          "entrypoint",
          "environment",
          "env_file",
          "expose",
          "extra_hosts",
          "group_add",
          "healthcheck",
          "hostname",
          "image",
          "init",
          "labels",
          "links",
          "mem_limit",
          "mem_reservation",
          "network_mode",
          "networks",
          "platform",
          "ports",
          "post_start",
          "pre_stop",
          "privileged",
          "pull_policy",
          "read_only",
          "restart",
          "scale",
          "secrets",
          "security_opt",
          "shm_size",
          "stdin_open",
          "stop_grace_period",
          "stop_signal",
          "sysctls",
          "tmpfs",
          "tty",
          "user",
          "volumes",
          "working_dir");

  /** Attributes of the compose tool itself, not of the stack: nothing to convert. */
  static final Set<String> TOOLING = Set.of("attach", "profiles", "label_file", "extends");

  static final Set<String> DEPLOY_MAPPED =
      Set.of("mode", "replicas", "labels", "resources", "restart_policy", "endpoint_mode");
  static final Set<String> RESOURCES_MAPPED = Set.of("cpus", "memory");
  static final Set<String> RESTART_MAPPED = Set.of("condition", "max_attempts");

  private Coverage() {}

  static void check(Context ctx, Service s) {
    Map<String, Object> canonical = ctx.canonical(s);
    new TreeMap<>(canonical)
        .keySet()
        .forEach(
            key -> {
              if (!MAPPED.contains(key) && !TOOLING.contains(key) && !key.startsWith("x-")) {
                notConverted(ctx, s, key);
              }
            });
    Map<String, Object> deploy = Context.at(canonical, "deploy");
    new TreeMap<>(deploy)
        .keySet().stream()
            .filter(k -> !DEPLOY_MAPPED.contains(k))
            .forEach(k -> notConverted(ctx, s, "deploy", k));
    for (String side : new String[] {"limits", "reservations"}) {
      new TreeMap<>(Context.at(deploy, "resources", side))
          .keySet().stream()
              .filter(k -> !RESOURCES_MAPPED.contains(k))
              .forEach(k -> notConverted(ctx, s, "deploy", "resources", side, k));
    }
    new TreeMap<>(Context.at(deploy, "restart_policy"))
        .keySet().stream()
            .filter(k -> !RESTART_MAPPED.contains(k))
            .forEach(k -> notConverted(ctx, s, "deploy", "restart_policy", k));
  }

  private static void notConverted(Context ctx, Service s, String... attribute) {
    String[] path = Context.path(s, attribute);
    if (ctx.findings().written(path)) {
      ctx.findings().report("no Kubernetes equivalent; not converted", path);
    }
  }
}
