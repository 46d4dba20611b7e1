package dev.jcompose.builder.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code RUN --mount=...} values (BuildKit {@code instructions/commands_runmount.go}):
 * comma-separated {@code key=value} fields, {@code type} bind (default), cache, tmpfs or secret;
 * ssh is refused. Defaults as upstream: bind mounts read-only, cache ids = target, secret targets
 * under /run/secrets.
 */
final class RunMounts {
  private static final Pattern SIZE =
      Pattern.compile("(?i)^(\\d+(?:\\.\\d+)?)\\s*([kmgtp]?)(i?b)?$");

  private RunMounts() {}

  /** A parsed mount before {@code from} is resolved to a stage or image. */
  record Parsed(
      RunMount.Type type,
      String target,
      String source,
      String from,
      boolean readOnly,
      String id,
      String sharing,
      Integer mode,
      Long uid,
      Long gid,
      Long size,
      boolean required) {}

  static Parsed parse(String value) {
    RunMount.Type type = RunMount.Type.BIND;
    String target = null;
    String source = null;
    String from = null;
    Boolean readOnly = null;
    String id = null;
    String sharing = null;
    Integer mode = null;
    Long uid = null;
    Long gid = null;
    Long size = null;
    boolean required = false;
    for (String field : csv(value)) {
      int eq = field.indexOf('=');
      String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT).strip();
      String v = eq < 0 ? null : field.substring(eq + 1);
      switch (key) {
        case "type" -> type = type(v);
        case "target", "dst", "destination" -> target = v;
        case "source", "src" -> source = v;
        case "from" -> from = v;
        case "readonly", "ro" -> readOnly = bool(key, v);
        case "readwrite", "rw" -> readOnly = !bool(key, v);
        case "required" -> required = bool(key, v);
        case "id" -> id = v;
        case "sharing" -> sharing = sharing(v);
        case "mode" -> mode = octal(v);
        case "uid" -> uid = number(key, v);
        case "gid" -> gid = number(key, v);
        case "size" -> size = size(v);
        default ->
            throw new IllegalArgumentException("unexpected key '" + key + "' in '" + field + "'");
      }
    }
    return defaults(
        type, target, source, from, readOnly, id, sharing, mode, uid, gid, size, required);
  }

  private static Parsed defaults(
      RunMount.Type type,
      String target,
      String source,
      String from,
      Boolean readOnly,
      String id,
      String sharing,
      Integer mode,
      Long uid,
      Long gid,
      Long size,
      boolean required) {
    if (type == RunMount.Type.SECRET) {
      if (id == null && target == null) {
        throw new IllegalArgumentException("secret mount needs an id or a target");
      }
      id = id != null ? id : target.substring(target.lastIndexOf('/') + 1);
      target = target != null ? target : "/run/secrets/" + id;
      return new Parsed(
          type,
          absolute(target),
          null,
          null,
          true,
          id,
          null,
          mode == null ? 0400 : mode,
          uid == null ? 0L : uid,
          gid == null ? 0L : gid,
          null,
          required);
    }
    if (target == null || target.isEmpty()) {
      throw new IllegalArgumentException(
          "mount type " + type.name().toLowerCase(Locale.ROOT) + " requires a target");
    }
    if (type == RunMount.Type.CACHE) {
      return new Parsed(
          type,
          absolute(target),
          source,
          from,
          readOnly != null && readOnly,
          id != null ? id : absolute(target),
          sharing == null ? "shared" : sharing,
          mode,
          uid,
          gid,
          null,
          false);
    }
    if (type == RunMount.Type.TMPFS) {
      return new Parsed(
          type, absolute(target), null, null, false, null, null, null, null, null, size, false);
    }
    return new Parsed(
        type,
        absolute(target),
        source == null ? "/" : source,
        from,
        readOnly == null || readOnly,
        null,
        null,
        null,
        null,
        null,
        null,
        false);
  }

  private static String absolute(String target) {
    return target.startsWith("/") ? target : "/" + target;
  }

  private static RunMount.Type type(String v) {
    return switch (v == null ? "" : v.toLowerCase(Locale.ROOT)) {
      case "bind" -> RunMount.Type.BIND;
      case "cache" -> RunMount.Type.CACHE;
      case "tmpfs" -> RunMount.Type.TMPFS;
      case "secret" -> RunMount.Type.SECRET;
      case "ssh" ->
          throw new IllegalArgumentException(
              "RUN --mount=type=ssh is not supported: jcompose has no SSH agent forwarding for builds");
      default -> throw new IllegalArgumentException("unsupported mount type \"" + v + "\"");
    };
  }

  private static boolean bool(String key, String v) {
    if (v == null || v.isEmpty() || v.equalsIgnoreCase("true") || v.equals("1")) {
      return true;
    }
    if (v.equalsIgnoreCase("false") || v.equals("0")) {
      return false;
    }
    throw new IllegalArgumentException("invalid value for " + key + ": " + v);
  }

  private static String sharing(String v) {
    String s = v == null ? "" : v.toLowerCase(Locale.ROOT);
    if (!s.equals("shared") && !s.equals("private") && !s.equals("locked")) {
      throw new IllegalArgumentException("unsupported sharing value \"" + v + "\"");
    }
    return s;
  }

  private static Integer octal(String v) {
    try {
      return Integer.parseInt(v, 8);
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException("invalid mode \"" + v + "\" (octal expected)");
    }
  }

  private static Long number(String key, String v) {
    try {
      return Long.parseUnsignedLong(v);
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException("invalid " + key + " \"" + v + "\"");
    }
  }

  // go-units RAMInBytes: 64m, 1.5g, 100kb, 2MiB; binary multiples.
  static long size(String v) {
    Matcher m = SIZE.matcher(v == null ? "" : v.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("invalid size \"" + v + "\"");
    }
    int power = "kmgtp".indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
    return (long) (Double.parseDouble(m.group(1)) * Math.pow(1024, power));
  }

  /** Go's encoding/csv for one record: commas separate, double quotes group ("" is a quote). */
  static List<String> csv(String value) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < value.length() && value.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out;
  }
}
