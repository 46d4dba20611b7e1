package dev.jcompose.model.normalize;

import static dev.jcompose.model.normalize.Converters.BOOL;
import static dev.jcompose.model.normalize.Converters.BYTES;
import static dev.jcompose.model.normalize.Converters.DURATION;
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

import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;
import dev.jcompose.model.tree.TreePath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nested service objects: healthcheck, build, deploy, logging; field order = compose-go's structs.
 */
final class NestedConvs {
  private NestedConvs() {}

  /** A string test is CMD-SHELL; a list is kept as written. */
  static final Conv HEALTH_TEST =
      (n, p, c) ->
          n instanceof ScalarNode s && s.value() instanceof String str
              ? List.of("CMD-SHELL", str)
              : Converters.omitIfEmpty(Converters.strings(n, p, false));

  static final StructConv HEALTHCHECK =
      StructConv.of(
          "test",
          HEALTH_TEST,
          "timeout",
          DURATION_PTR,
          "interval",
          DURATION_PTR,
          "retries",
          INT_PTR,
          "start_period",
          DURATION_PTR,
          "start_interval",
          DURATION_PTR,
          "disable",
          BOOL);

  static final StructConv LOGGING = StructConv.of("driver", STRING, "options", MAPPING);

  /** compose-go types.BlkioConfig: rates are UnitBytes (bytes, or operations for *_iops). */
  static final StructConv BLKIO =
      StructConv.of(
          "weight",
          INT,
          "weight_device",
          listOf(StructConv.of("path", STRING, "weight", INT)),
          "device_read_bps",
          listOf(throttle()),
          "device_read_iops",
          listOf(throttle()),
          "device_write_bps",
          listOf(throttle()),
          "device_write_iops",
          listOf(throttle()));

  /**
   * compose-go types.ServiceHook (post_start, pre_stop): a string command is split like a
   * service's.
   */
  static final StructConv HOOK =
      StructConv.of(
          "command",
          ListConvs.COMMAND,
          "user",
          STRING,
          "privileged",
          BOOL,
          "working_dir",
          STRING,
          "environment",
          MAPPING_EQ);

  static final Conv HOOKS = listOf(HOOK);

  private static StructConv throttle() {
    return StructConv.of("path", STRING, "rate", BYTES);
  }

  private static Conv listOf(StructConv item) {
    return (n, p, c) ->
        Converters.omitIfEmpty(
            ListConvs.eachOf(n, p, c, (i, ip, cc) -> List.of(item.apply(i, ip, cc))));
  }

  static final StructConv RESOURCE =
      StructConv.of(
          "cpus",
          FLOAT32,
          "memory",
          BYTES,
          "pids",
          INT,
          "devices",
          DeviceRequests.DEVICES,
          "generic_resources",
          GENERIC);

  static final StructConv UPDATE =
      StructConv.of(
          "parallelism",
          INT_PTR,
          "delay",
          DURATION,
          "failure_action",
          STRING,
          "monitor",
          DURATION,
          "max_failure_ratio",
          FLOAT32,
          "order",
          STRING);

  static final StructConv DEPLOY =
      StructConv.of(
          "mode",
          STRING,
          "replicas",
          INT_PTR,
          "labels",
          MAPPING,
          "update_config",
          UPDATE,
          "rollback_config",
          UPDATE,
          "resources",
          StructConv.byValue("limits", RESOURCE, "reservations", RESOURCE),
          "restart_policy",
          StructConv.of(
              "condition",
              STRING,
              "delay",
              DURATION_PTR,
              "max_attempts",
              INT_PTR,
              "window",
              DURATION_PTR),
          "placement",
          StructConv.byValue(
              "constraints", STRINGS, "preferences", GENERIC, "max_replicas_per_node", INT),
          "endpoint_mode",
          STRING);

  static final StructConv BUILD_STRUCT =
      StructConv.of(
          "context",
          STRING,
          "dockerfile",
          STRING,
          "dockerfile_inline",
          STRING,
          "entitlements",
          STRINGS,
          "args",
          MAPPING_EQ,
          "provenance",
          GENERIC_STRING(),
          "sbom",
          GENERIC_STRING(),
          "ssh",
          GENERIC,
          "labels",
          MAPPING,
          "cache_from",
          STRING_OR_LIST,
          "cache_to",
          STRING_OR_LIST,
          "no_cache",
          BOOL,
          "no_cache_filter",
          STRING_OR_LIST,
          "additional_contexts",
          (Conv) NestedConvs::additionalContexts,
          "pull",
          BOOL,
          "extra_hosts",
          MapConvs.EXTRA_HOSTS,
          "isolation",
          STRING,
          "network",
          STRING,
          "target",
          STRING,
          "secrets",
          ListConvs.BUILD_SECRETS,
          "shm_size",
          BYTES,
          "tags",
          STRING_OR_LIST,
          "ulimits",
          MapConvs.ULIMITS,
          "platforms",
          STRING_OR_LIST,
          "privileged",
          BOOL);

  private static Conv GENERIC_STRING() {
    return (n, p, c) -> Converters.omitIfEmpty(Converters.text(n));
  }

  /** deploy, with {@code deploy} present always printing resources/placement as compose does. */
  static final Conv DEPLOY_CONV =
      (n, p, c) -> {
        Object d = DEPLOY.apply(n, p, c);
        if (d instanceof Map<?, ?> m) {
          @SuppressWarnings("unchecked")
          Map<String, Object> map = (Map<String, Object>) m;
          map.putIfAbsent("resources", new GoStruct());
          map.putIfAbsent("placement", new GoStruct());
          return ListConvs.reorder(map, DEPLOY);
        }
        return d;
      };

  /**
   * build: a string is the context; defaults context "." and dockerfile "Dockerfile" (unless
   * inline); a local context is made absolute; args without value resolve from the environment or
   * are dropped (compose-go normalize.go resolve with keepEmpty=false).
   */
  static final Conv BUILD =
      (n, p, c) -> {
        Map<String, Object> b;
        if (n instanceof ScalarNode s && s.value() != null) {
          b = new LinkedHashMap<>();
          b.put("context", Converters.text(s));
        } else {
          Object o = BUILD_STRUCT.apply(n, p, c);
          if (o == Conv.OMIT) {
            return o;
          }
          @SuppressWarnings("unchecked")
          Map<String, Object> m = (Map<String, Object>) o;
          b = m;
        }
        b.putIfAbsent("context", ".");
        if (!b.containsKey("dockerfile_inline")) {
          b.putIfAbsent("dockerfile", "Dockerfile");
        }
        b.put("context", context((String) b.get("context"), c));
        if (b.get("args") instanceof GoMap args) {
          GoMap resolved = new GoMap();
          args.forEach(
              (k, v) -> {
                String value = v != null ? (String) v : c.environment.get(k);
                if (value != null) {
                  resolved.put(k, value);
                }
              });
          b.put("args", resolved);
        }
        return ListConvs.reorder(b, BUILD_STRUCT);
      };

  /** Each local named context made absolute like the build context (compose-go absContextPath). */
  private static Object additionalContexts(Node n, TreePath p, NormalizeContext c) {
    Object o = MAPPING.apply(n, p, c);
    if (o instanceof Map<?, ?> m) {
      GoMap out = new GoMap();
      m.forEach((k, v) -> out.put((String) k, v instanceof String s ? context(s, c) : v));
      return out;
    }
    return o;
  }

  private static String context(String ctxPath, NormalizeContext c) {
    for (String remote : new String[] {"://", "service:"}) {
      if (ctxPath.contains(remote)) {
        return ctxPath;
      }
    }
    for (String prefix : new String[] {"github.com/", "git@"}) {
      if (ctxPath.startsWith(prefix)) {
        return ctxPath;
      }
    }
    return c.absPath(ctxPath);
  }
}
