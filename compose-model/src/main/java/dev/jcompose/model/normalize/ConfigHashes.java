package dev.jcompose.model.normalize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration hash of a service with docker compose's semantics (compose pkg/compose/hash.go
 * ServiceHash): SHA-256 of the resolved service without {@code build}, {@code pull_policy}, {@code
 * scale}, {@code deploy.replicas}, {@code depends_on} and {@code profiles}, so that scaling or a
 * new dependency does not recreate containers. The text hashed is compact JSON of the canonical
 * service with map keys sorted at every level; strings escaped as Jackson does, so the hashes equal
 * those of earlier jcompose versions (which used Jackson) and running containers are not recreated
 * by an upgrade. Pure; no JSON library on the CLI's load path. This writes the text; {@link
 * dev.jcompose.model.api.Service#configHash} digests it where a hash is compared.
 */
final class ConfigHashes {
  private static final List<String> IGNORED =
      List.of("build", "pull_policy", "scale", "depends_on", "profiles");
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private ConfigHashes() {}

  /** The text the config hash digests: {@link dev.jcompose.model.api.Service#hashedForm}. */
  static String hashedForm(Map<String, Object> canonicalService) {
    return json(strip(canonicalService));
  }

  static Map<String, Object> strip(Map<String, Object> service) {
    Map<String, Object> copy = new LinkedHashMap<>(service);
    IGNORED.forEach(copy::remove);
    if (copy.get("deploy") instanceof Map<?, ?> deploy) {
      Map<Object, Object> d = new LinkedHashMap<>(deploy);
      d.remove("replicas");
      copy.put("deploy", d);
    }
    return copy;
  }

  static String json(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v) {
    if (v instanceof Map<?, ?> m) {
      sb.append('{');
      String sep = "";
      for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
        sb.append(sep);
        string(sb, String.valueOf(e.getKey()));
        sb.append(':');
        write(sb, e.getValue());
        sep = ",";
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        sb.append(i == 0 ? "" : ",");
        write(sb, l.get(i));
      }
      sb.append(']');
    } else if (v instanceof String s) {
      string(sb, s);
    } else {
      sb.append(v); // null, booleans and numbers print as Java prints them, as Jackson does
    }
  }

  /** Jackson's escaping: quote, backslash and control characters; everything else as is. */
  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"', '\\' -> sb.append('\\').append(c);
        case '\b' -> sb.append("\\b");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\f' -> sb.append("\\f");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20) {
            sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
