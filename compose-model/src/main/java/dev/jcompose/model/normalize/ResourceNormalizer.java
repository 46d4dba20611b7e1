package dev.jcompose.model.normalize;

import static dev.jcompose.model.normalize.Converters.BOOL;
import static dev.jcompose.model.normalize.Converters.BOOL_PTR;
import static dev.jcompose.model.normalize.Converters.MAPPING;
import static dev.jcompose.model.normalize.Converters.STRING;

import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;
import dev.jcompose.model.tree.TreePath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Top-level networks, volumes, secrets and configs in canonical form: compose-go's NetworkConfig,
 * VolumeConfig and FileObjectConfig field order; {@code external: {name: x}} folded into {@code
 * name} + {@code external: true}; the engine name set from the key ({@code <project>_<key>}, or the
 * key itself when external) unless {@code name} is given; file paths made absolute.
 */
final class ResourceNormalizer {
  private ResourceNormalizer() {}

  /** external: true/false, or the deprecated {name: x} (handled by {@link #external}). */
  private static final Conv EXTERNAL =
      (n, p, c) -> n instanceof MapNode ? (Object) true : BOOL.apply(n, p, c);

  static final StructConv IPAM_POOL =
      StructConv.of(
          "subnet", STRING, "gateway", STRING, "ip_range", STRING, "aux_addresses", MAPPING);

  static final StructConv NETWORK =
      StructConv.of(
          "name",
          STRING,
          "driver",
          STRING,
          "driver_opts",
          MAPPING,
          "ipam",
          StructConv.byValue(
              "driver",
              STRING,
              "config",
              (Conv)
                  (n, p, c) ->
                      Converters.omitIfEmpty(
                          ListConvs.eachOf(
                              n, p, c, (i, ip, cc) -> List.of(IPAM_POOL.apply(i, ip, cc)))),
              "options",
              MAPPING),
          "external",
          EXTERNAL,
          "internal",
          BOOL,
          "attachable",
          BOOL,
          "labels",
          MAPPING,
          "enable_ipv4",
          BOOL_PTR,
          "enable_ipv6",
          BOOL_PTR);

  static final StructConv VOLUME =
      StructConv.of(
          "name",
          STRING,
          "driver",
          STRING,
          "driver_opts",
          MAPPING,
          "external",
          EXTERNAL,
          "labels",
          MAPPING);

  static final StructConv FILE_OBJECT =
      StructConv.of(
          "name",
          STRING,
          "file",
          STRING,
          "environment",
          STRING,
          "content",
          STRING,
          "external",
          EXTERNAL,
          "labels",
          MAPPING,
          "driver",
          STRING,
          "driver_opts",
          MAPPING,
          "template_driver",
          STRING);

  /** Canonical map of one top-level section ({@code networks}, ...), keys sorted. */
  static GoMap normalize(String section, Node node, NormalizeContext ctx) {
    GoMap out = new GoMap();
    if (!(node instanceof MapNode m)) {
      if (!Converters.isNull(node)) {
        throw NormalizeContext.error(node, section, "must be a mapping");
      }
      return out;
    }
    StructConv conv =
        switch (section) {
          case "networks" -> NETWORK;
          case "volumes" -> VOLUME;
          default -> FILE_OBJECT;
        };
    m.entries().forEach((key, value) -> out.put(key, one(section, key, value, conv, ctx)));
    return GoMap.sorted(out);
  }

  private static Map<String, Object> one(
      String section, String key, Node value, StructConv conv, NormalizeContext ctx) {
    TreePath path = TreePath.ROOT.key(section).key(key);
    Map<String, Object> r = new LinkedHashMap<>();
    if (value instanceof MapNode m) {
      conv.fill(m, path, ctx, r);
      external(m, path, r);
    } else if (!Converters.isNull(value)) {
      throw NormalizeContext.error(value, path, "must be a mapping");
    }
    if (conv == NETWORK) {
      r.putIfAbsent("ipam", new GoStruct());
    }
    if (!r.containsKey("name")) {
      r.put("name", Boolean.TRUE.equals(r.get("external")) ? key : ctx.projectName + "_" + key);
    }
    paths(section, r, ctx);
    return ListConvs.reorder(r, conv);
  }

  private static void external(MapNode m, TreePath path, Map<String, Object> r) {
    if (m.get("external") instanceof MapNode ext && ext.get("name") instanceof ScalarNode n) {
      String extName = Converters.text(n);
      if (r.containsKey("name") && !extName.equals(r.get("name"))) {
        throw NormalizeContext.error(ext, path, "name and external.name conflict; only use name");
      }
      r.put("name", extName);
    }
  }

  private static void paths(String section, Map<String, Object> r, NormalizeContext ctx) {
    if (r.get("file") instanceof String f) {
      r.put("file", ctx.absPath(f));
    }
    if (section.equals("secrets")) {
      r.remove("content"); // compose never prints secret content
    }
    if (section.equals("configs") && r.containsKey("environment")) {
      r.remove("content");
    }
    if (section.equals("volumes")
        && "local".equals(r.get("driver"))
        && r.get("driver_opts") instanceof GoMap opts
        && "bind".equals(opts.get("o"))
        && opts.get("device") instanceof String dev) {
      opts.put("device", ctx.absPath(dev));
    }
  }
}
