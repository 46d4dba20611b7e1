package dev.jcompose.model.interpolate;

import dev.jcompose.model.tree.TreePath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * compose-go's "interpolate with type casting" table (loader/interpolate.go): after substitution, a
 * STRING at one of these paths becomes the type the schema wants, whether or not it held a variable
 * (so {@code read_only: "true"} is a boolean too). Non-string values are left alone.
 */
final class TypeCasts {
  enum Kind {
    INT,
    FLOAT,
    BOOL
  }

  private static final Pattern INT = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern FLOAT =
      Pattern.compile("[+-]?(([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?|[iI]nf(inity)?|NaN)");
  private static final Map<TreePath, Kind> TABLE = table();
  // the table's entries by path length, in table order (a path only matches one of its length)
  private static final Map<Integer, List<Map.Entry<TreePath, Kind>>> BY_SIZE = bySize();

  private TypeCasts() {}

  private static Map<Integer, List<Map.Entry<TreePath, Kind>>> bySize() {
    Map<Integer, List<Map.Entry<TreePath, Kind>>> m = new HashMap<>();
    for (Map.Entry<TreePath, Kind> e : TABLE.entrySet()) {
      m.computeIfAbsent(e.getKey().size(), k -> new ArrayList<>()).add(e);
    }
    return m;
  }

  private static Map<TreePath, Kind> table() {
    Map<String, Kind> t = new LinkedHashMap<>();
    for (String p :
        new String[] {
          "cpu_count",
          "cpu_period",
          "cpu_quota",
          "cpu_rt_period",
          "cpu_rt_runtime",
          "cpu_shares",
          "oom_score_adj",
          "pids_limit",
          "deploy.replicas",
          "deploy.update_config.parallelism",
          "deploy.rollback_config.parallelism",
          "deploy.restart_policy.max_attempts",
          "deploy.placement.max_replicas_per_node",
          "healthcheck.retries",
          "ports.[].target",
          "scale",
          "ulimits.*",
          "ulimits.*.hard",
          "ulimits.*.soft"
        }) {
      t.put("services.*." + p, Kind.INT);
    }
    for (String p :
        new String[] {
          "cpu_percent",
          "cpus",
          "deploy.update_config.max_failure_ratio",
          "deploy.rollback_config.max_failure_ratio"
        }) {
      t.put("services.*." + p, Kind.FLOAT);
    }
    for (String p :
        new String[] {
          "init",
          "depends_on.*.required",
          "depends_on.*.restart",
          "healthcheck.disable",
          "oom_kill_disable",
          "privileged",
          "read_only",
          "stdin_open",
          "tty",
          "volumes.[].read_only",
          "volumes.[].volume.nocopy"
        }) {
      t.put("services.*." + p, Kind.BOOL);
    }
    for (String p :
        new String[] {
          "networks.*.external",
          "networks.*.internal",
          "networks.*.attachable",
          "networks.*.enable_ipv4",
          "networks.*.enable_ipv6",
          "volumes.*.external",
          "secrets.*.external",
          "configs.*.external"
        }) {
      t.put(p, Kind.BOOL);
    }
    Map<TreePath, Kind> out = new LinkedHashMap<>();
    t.forEach((k, v) -> out.put(TreePath.of(k), v));
    return Map.copyOf(out);
  }

  /**
   * The kind at {@code path}, if the table names it. Asked for every scalar of a file, so a plain
   * loop over the table's paths of the same length (a stream pipeline per scalar was ~7% of a cold
   * {@code config -q}).
   */
  static Optional<Kind> kindAt(TreePath path) {
    for (Map.Entry<TreePath, Kind> e : BY_SIZE.getOrDefault(path.size(), List.of())) {
      if (path.matches(e.getKey())) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** Casts {@code value}; throws IllegalArgumentException with compose-go's reason. */
  static Object cast(Kind kind, String value, Consumer<String> warnings) {
    return switch (kind) {
      case INT -> toInt(value);
      case FLOAT -> toFloat(value);
      case BOOL -> toBool(value, warnings);
    };
  }

  private static Object toInt(String v) {
    if (!INT.matcher(v).matches()) {
      throw new IllegalArgumentException("strconv.Atoi: parsing \"" + v + "\": invalid syntax");
    }
    try {
      return Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("strconv.Atoi: parsing \"" + v + "\": value out of range");
    }
  }

  private static Object toFloat(String v) {
    if (!FLOAT.matcher(v).matches()) {
      throw new IllegalArgumentException(
          "strconv.ParseFloat: parsing \"" + v + "\": invalid syntax");
    }
    String lower = v.toLowerCase(Locale.ROOT);
    if (lower.contains("inf")) {
      return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return lower.contains("nan") ? Double.NaN : Double.parseDouble(v);
  }

  /** Mirrors compose-go toBoolean: YAML 1.1 spellings accepted with a warning. */
  private static Object toBool(String v, Consumer<String> warnings) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      case "y", "yes", "on" -> {
        warnings.accept(
            "\"" + v + "\" for boolean is not supported by YAML 1.2, please use `true`");
        yield true;
      }
      case "n", "no", "off" -> {
        warnings.accept(
            "\"" + v + "\" for boolean is not supported by YAML 1.2, please use `false`");
        yield false;
      }
      default -> throw new IllegalArgumentException("invalid boolean: " + v);
    };
  }
}
