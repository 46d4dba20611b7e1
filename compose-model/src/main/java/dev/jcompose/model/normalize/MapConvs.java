package dev.jcompose.model.normalize;

import dev.jcompose.model.tree.ListNode;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Service attributes that are maps with a list short form: depends_on, networks, extra_hosts,
 * ulimits.
 */
final class MapConvs {
  private MapConvs() {}

  static final StructConv DEPENDENCY =
      StructConv.of(
          "condition",
          Converters.STRING,
          "restart",
          Converters.BOOL,
          "required",
          Converters.BOOL_PTR);

  static final StructConv SERVICE_NETWORK =
      StructConv.of(
          "aliases",
          Converters.STRINGS,
          "driver_opts",
          Converters.MAPPING,
          "gw_priority",
          Converters.INT,
          "interface_name",
          Converters.STRING,
          "ipv4_address",
          Converters.STRING,
          "ipv6_address",
          Converters.STRING,
          "link_local_ips",
          Converters.STRINGS,
          "mac_address",
          Converters.STRING,
          "priority",
          Converters.INT);

  static final StructConv ULIMIT =
      StructConv.of("soft", Converters.INT_PTR, "hard", Converters.INT_PTR);

  /** List form = {condition: service_started, required: true}; map form gets the same defaults. */
  static final Conv DEPENDS_ON =
      (n, p, c) -> {
        Map<String, Object> out = new LinkedHashMap<>();
        if (n instanceof ListNode l) {
          for (String name : Converters.strings(l, p, false)) {
            out.put(name, dependency("service_started", false));
          }
        } else if (n instanceof MapNode m) {
          m.entries()
              .forEach(
                  (name, v) -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> d =
                        (Map<String, Object>) DEPENDENCY.apply(v, p.key(name), c);
                    d = d == Conv.OMIT ? new LinkedHashMap<>() : d;
                    d.putIfAbsent("condition", "service_started");
                    d.putIfAbsent("required", true);
                    out.put(name, ListConvs.reorder(d, DEPENDENCY));
                  });
        } else if (!Converters.isNull(n)) {
          throw NormalizeContext.error(n, p, "must be a list or a mapping");
        }
        return Converters.omitIfEmpty(GoMap.sorted(out));
      };

  static Map<String, Object> dependency(String condition, boolean restart) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("condition", condition);
    if (restart) {
      d.put("restart", true);
    }
    d.put("required", true);
    return d;
  }

  /** List form = each network with null settings. */
  static final Conv NETWORKS =
      (n, p, c) -> {
        Map<String, Object> out = new LinkedHashMap<>();
        if (n instanceof ListNode l) {
          Converters.strings(l, p, false).forEach(name -> out.put(name, null));
        } else if (n instanceof MapNode m) {
          m.entries()
              .forEach(
                  (name, v) -> {
                    Object s = SERVICE_NETWORK.apply(v, p.key(name), c);
                    out.put(name, s == Conv.OMIT ? null : s);
                  });
        } else if (!Converters.isNull(n)) {
          throw NormalizeContext.error(n, p, "must be a list or a mapping");
        }
        return GoMap.sorted(out);
      };

  /** compose-go HostsList: printed as a sorted list of host=ip, IPv6 brackets removed. */
  static final Conv EXTRA_HOSTS =
      (n, p, c) -> {
        Map<String, List<String>> hosts = new LinkedHashMap<>();
        if (n instanceof MapNode m) {
          m.entries()
              .forEach(
                  (host, v) ->
                      hosts.put(
                          host,
                          v instanceof ListNode l
                              ? Converters.strings(l, p.key(host), false)
                              : List.of(v == null ? "" : Converters.text(v))));
        } else {
          List<String> entries = Converters.strings(n, p, false);
          for (int i = 0; i < entries.size(); i++) {
            String e = entries.get(i);
            int sep = e.indexOf('=') >= 0 ? e.indexOf('=') : e.indexOf(':');
            if (sep < 0) {
              throw NormalizeContext.error(
                  ((ListNode) n).items().get(i),
                  p.index(i),
                  "invalid additional host, missing IP: " + e);
            }
            hosts
                .computeIfAbsent(e.substring(0, sep), k -> new ArrayList<>())
                .addAll(List.of(e.substring(sep + 1).split(",")));
          }
        }
        List<String> out = new ArrayList<>();
        hosts.forEach(
            (host, ips) -> {
              if (host.isEmpty() || host.contains(":") || host.contains("=")) {
                throw NormalizeContext.error(n, p, "bad host name '" + host + "'");
              }
              ips.forEach(ip -> out.add(host + "=" + unbracket(ip)));
            });
        out.sort(null);
        return Converters.omitIfEmpty(out);
      };

  private static String unbracket(String ip) {
    return ip.length() > 2 && ip.startsWith("[") && ip.endsWith("]")
        ? ip.substring(1, ip.length() - 1)
        : ip;
  }

  /** A single number stays a number; {soft, hard} stays a struct. */
  static final Conv ULIMITS =
      (n, p, c) -> {
        if (!(n instanceof MapNode m)) {
          if (Converters.isNull(n)) {
            return Conv.OMIT;
          }
          throw NormalizeContext.error(n, p, "must be a mapping");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.entries()
            .forEach(
                (name, v) ->
                    out.put(
                        name,
                        v instanceof ScalarNode
                            ? (Object) Converters.integer(v, p.key(name))
                            : ULIMIT.apply(v, p.key(name), c)));
        return Converters.omitIfEmpty(GoMap.sorted(out));
      };

  /** compose-go Options: a map of strings (numbers stringified). */
  static final Conv OPTIONS = Converters.MAPPING;
}
