package dev.jcompose.model.normalize;

import dev.jcompose.model.text.ShellWords;
import dev.jcompose.model.tree.ListNode;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;
import dev.jcompose.model.tree.TreePath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Service attributes that are lists with a short string form: ports, volumes, devices, secrets and
 * configs references, command/entrypoint. Each short entry becomes the long struct.
 */
final class ListConvs {
  private ListConvs() {}

  static final StructConv PORT =
      StructConv.of(
          "name",
          Converters.STRING,
          "mode",
          Converters.STRING,
          "host_ip",
          Converters.STRING,
          "target",
          Converters.INT,
          "published",
          Converters.STRING,
          "protocol",
          Converters.STRING,
          "app_protocol",
          Converters.STRING);

  static final StructConv BIND =
      StructConv.of(
          "selinux",
          Converters.STRING,
          "propagation",
          Converters.STRING,
          // create_host_path is an opt-out: compose omits it when true (types.OptOut.IsZero)
          "create_host_path",
          (Conv) (n, p, c) -> Converters.bool(n, p) ? Conv.OMIT : (Object) false,
          "recursive",
          Converters.STRING);

  static final StructConv VOLUME =
      StructConv.of(
          "type",
          Converters.STRING,
          "source",
          Converters.STRING,
          "target",
          Converters.STRING,
          "read_only",
          Converters.BOOL,
          "consistency",
          Converters.STRING,
          "bind",
          BIND,
          "volume",
          StructConv.of(
              "labels",
              Converters.MAPPING,
              "nocopy",
              Converters.BOOL,
              "subpath",
              Converters.STRING),
          "tmpfs",
          StructConv.of("size", Converters.BYTES, "mode", Converters.INT),
          "image",
          StructConv.of("subpath", Converters.STRING));

  static final StructConv DEVICE =
      StructConv.of(
          "source",
          Converters.STRING,
          "target",
          Converters.STRING,
          "permissions",
          Converters.STRING);

  static final StructConv FILE_REF =
      StructConv.of(
          "source",
          Converters.STRING,
          "target",
          Converters.STRING,
          "uid",
          Converters.STRING,
          "gid",
          Converters.STRING,
          "mode",
          (Conv) ListConvs::fileMode);

  static final Conv PORTS = (n, p, c) -> Converters.omitIfEmpty(eachOf(n, p, c, ListConvs::port));
  static final Conv VOLUMES =
      (n, p, c) -> Converters.omitIfEmpty(eachOf(n, p, c, ListConvs::volume));
  static final Conv DEVICES =
      (n, p, c) -> Converters.omitIfEmpty(eachOf(n, p, c, ListConvs::device));
  static final Conv SECRETS =
      (n, p, c) ->
          Converters.omitIfEmpty(
              eachOf(n, p, c, (i, ip, ctx) -> fileRef(i, ip, ctx, "/run/secrets/")));

  /**
   * build.secrets: compose-go gives them no default target (only a service's secrets get
   * /run/secrets/).
   */
  static final Conv BUILD_SECRETS =
      (n, p, c) ->
          Converters.omitIfEmpty(eachOf(n, p, c, (i, ip, ctx) -> fileRef(i, ip, ctx, null)));

  static final Conv CONFIGS =
      (n, p, c) ->
          Converters.omitIfEmpty(eachOf(n, p, c, (i, ip, ctx) -> fileRef(i, ip, ctx, null)));

  /**
   * command/entrypoint: always present in JSON (null = image default), strings split shell-style.
   */
  static final Conv COMMAND =
      (n, p, c) -> {
        if (Converters.isNull(n)) {
          return null;
        }
        if (n instanceof ScalarNode s) {
          try {
            return ShellWords.split(Plain.sprint(s.value()));
          } catch (IllegalArgumentException e) {
            throw NormalizeContext.error(n, p, e.getMessage());
          }
        }
        return Converters.strings(n, p, false);
      };

  interface ItemConv {
    List<?> apply(Node item, TreePath path, NormalizeContext ctx);
  }

  static List<Object> eachOf(Node n, TreePath p, NormalizeContext ctx, ItemConv conv) {
    List<Object> out = new ArrayList<>();
    if (Converters.isNull(n)) {
      return out;
    }
    if (!(n instanceof ListNode l)) {
      throw NormalizeContext.error(n, p, "must be a list");
    }
    for (int i = 0; i < l.items().size(); i++) {
      out.addAll(conv.apply(l.items().get(i), p.index(i), ctx));
    }
    return out;
  }

  private static List<?> port(Node item, TreePath p, NormalizeContext ctx) {
    if (item instanceof MapNode) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) PORT.apply(item, p, ctx);
      m.putIfAbsent("protocol", "tcp");
      m.putIfAbsent("mode", "ingress");
      return List.of(reorder(m, PORT));
    }
    try {
      return PortSpecs.parse(Converters.text(item));
    } catch (IllegalArgumentException e) {
      if (ctx.lenient) {
        return List.of(Converters.text(item));
      }
      throw NormalizeContext.error(item, p, e.getMessage());
    } catch (NullPointerException e) {
      throw NormalizeContext.error(item, p, "invalid port");
    }
  }

  private static List<?> volume(Node item, TreePath p, NormalizeContext ctx) {
    Map<String, Object> v;
    if (item instanceof MapNode) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) VOLUME.apply(item, p, ctx);
      v = m;
    } else {
      try {
        v = VolumeSpecs.parse(Converters.text(item));
      } catch (IllegalArgumentException e) {
        if (ctx.lenient) {
          return List.of(Converters.text(item));
        }
        throw NormalizeContext.error(item, p, e.getMessage());
      }
    }
    if (v.get("target") instanceof String t && !t.isEmpty()) {
      v.put("target", cleanTarget(t));
    }
    if ("bind".equals(v.get("type")) && v.get("source") instanceof String src) {
      v.put("source", ctx.absPath(src));
    }
    return List.of(v);
  }

  /** Go's path.Clean for container paths. */
  static String cleanTarget(String t) {
    String cleaned = Path.of(t).normalize().toString();
    return cleaned.isEmpty() ? "." : cleaned;
  }

  private static List<?> device(Node item, TreePath p, NormalizeContext ctx) {
    if (item instanceof MapNode) {
      return List.of(DEVICE.apply(item, p, ctx));
    }
    String[] arr = String.valueOf(Converters.text(item)).split(":", -1);
    if (arr.length > 3) {
      throw NormalizeContext.error(
          item, p, "confusing device mapping, please use long syntax: " + Converters.text(item));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", arr[0]);
    m.put("target", arr.length > 1 && !arr[1].isEmpty() ? arr[1] : arr[0]);
    m.put("permissions", arr.length > 2 ? arr[2] : "rwm");
    return List.of(m);
  }

  private static List<?> fileRef(Node item, TreePath p, NormalizeContext ctx, String defaultDir) {
    Map<String, Object> m;
    if (item instanceof MapNode) {
      @SuppressWarnings("unchecked")
      Map<String, Object> ref = (Map<String, Object>) FILE_REF.apply(item, p, ctx);
      m = ref;
    } else {
      m = new LinkedHashMap<>();
      m.put("source", Converters.text(item));
    }
    if (defaultDir != null && !m.containsKey("target")) {
      m.put("target", defaultDir + m.get("source"));
    }
    return List.of(reorder(m, FILE_REF));
  }

  /**
   * compose-go FileMode: YAML ints as they are (0440 is already octal), strings parsed as octal;
   * printed "0440".
   */
  private static Object fileMode(Node n, TreePath p, NormalizeContext ctx) {
    if (Converters.isNull(n)) {
      return Conv.OMIT;
    }
    Object v = ((ScalarNode) n).value();
    try {
      long mode = v instanceof Long l ? l : Long.parseLong(String.valueOf(v), 8);
      return "0" + Long.toOctalString(mode);
    } catch (NumberFormatException e) {
      throw NormalizeContext.error(n, p, "invalid file mode \"" + v + "\"");
    }
  }

  static Map<String, Object> reorder(Map<String, Object> m, StructConv order) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String k : order.fieldNames()) {
      if (m.containsKey(k)) {
        out.put(k, m.get(k));
      }
    }
    return out;
  }
}
