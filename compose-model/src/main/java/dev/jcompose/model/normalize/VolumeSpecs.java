package dev.jcompose.model.normalize;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Short volume syntax {@code [SRC:]DST[:OPTS]} to long form, as compose-go's format.ParseVolume:
 * {@code ${...}} may contain colons, a source starting with {@code . / ~} is a bind (missing host
 * path created), anything else a named volume; options {@code ro rw nocopy z Z} and propagation
 * modes are understood, unknown options silently ignored (compose does the same).
 */
final class VolumeSpecs {
  private static final Set<String> PROPAGATION =
      Set.of("rprivate", "private", "rshared", "shared", "rslave", "slave");

  private VolumeSpecs() {}

  /** The long form (raw: source not yet made absolute, keys in canonical order). */
  static Map<String, Object> parse(String spec) {
    if (spec.isEmpty()) {
      throw new IllegalArgumentException("invalid empty volume spec");
    }
    String[] fields = new String[3];
    int count = 0;
    int depth = 0;
    StringBuilder buf = new StringBuilder();
    for (int i = 0; i <= spec.length(); i++) {
      char c = i < spec.length() ? spec.charAt(i) : 0;
      if (c == '$' && i + 1 < spec.length() && spec.charAt(i + 1) == '{') {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      } else if ((c == ':' || c == 0) && depth == 0) {
        if (buf.length() == 0) {
          throw new IllegalArgumentException(
              "invalid spec: " + spec + ": empty section between colons");
        }
        if (count == 3) {
          throw new IllegalArgumentException("invalid spec: " + spec + ": too many colons");
        }
        fields[count++] = buf.toString();
        buf.setLength(0);
        continue;
      }
      buf.append(c);
    }
    String source = count == 1 ? "" : fields[0];
    String target = count == 1 ? fields[0] : fields[1];
    return build(source, target, count == 3 ? fields[2] : "");
  }

  private static Map<String, Object> build(String source, String target, String options) {
    boolean readOnly = false;
    boolean nocopy = false;
    Map<String, Object> bind = new LinkedHashMap<>();
    for (String o : options.split(",", -1)) {
      switch (o) {
        case "ro" -> readOnly = true;
        case "rw" -> readOnly = false;
        case "nocopy" -> nocopy = true;
        case "z", "Z" -> bind.put("selinux", o);
        default -> {
          if (PROPAGATION.contains(o)) {
            bind.put("propagation", o);
          }
        }
      }
    }
    boolean isBind = !source.isEmpty() && "./~".indexOf(source.charAt(0)) >= 0;
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("type", isBind ? "bind" : "volume");
    if (!source.isEmpty()) {
      v.put("source", source);
    }
    v.put("target", target);
    if (readOnly) {
      v.put("read_only", true);
    }
    // create_host_path is an opt-out (default true) that compose never prints when true
    if (isBind || !bind.isEmpty()) {
      v.put("bind", bind);
    }
    if (!isBind || nocopy) {
      Map<String, Object> vol = new LinkedHashMap<>();
      if (nocopy) {
        vol.put("nocopy", true);
      }
      v.put("volume", vol);
    }
    return v;
  }
}
