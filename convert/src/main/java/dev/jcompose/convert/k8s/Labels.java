package dev.jcompose.convert.k8s;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Labels and annotations: the recommended {@code app.kubernetes.io/*} labels that select a
 * service's pods, and compose {@code labels} split by what Kubernetes accepts. A compose label
 * whose key and value are valid label syntax (apimachinery's qualified name; values of at most 63
 * characters) becomes a label; otherwise an annotation (any value); a key valid for neither is
 * reported.
 */
final class Labels {
  static final String NAME = "app.kubernetes.io/name";
  static final String PART_OF = "app.kubernetes.io/part-of";
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  private static final Pattern NAME_PART =
      Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern PREFIX =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private Labels() {}

  /** The labels of every object made for the project. */
  static Map<String, String> project(String project) {
    Map<String, String> m = new TreeMap<>();
    m.put(PART_OF, labelValue(project));
    m.put(MANAGED_BY, "jcompose");
    return m;
  }

  /** The labels that select the pods of one compose service. */
  static Map<String, String> selector(String project, String objectName) {
    Map<String, String> m = new TreeMap<>();
    m.put(NAME, objectName);
    m.put(PART_OF, labelValue(project));
    return m;
  }

  static boolean isKey(String key) {
    int slash = key.lastIndexOf('/');
    String name = key.substring(slash + 1);
    String prefix = slash < 0 ? null : key.substring(0, slash);
    return name.length() <= 63
        && NAME_PART.matcher(name).matches()
        && (prefix == null || (prefix.length() <= 253 && PREFIX.matcher(prefix).matches()));
  }

  static boolean isValue(String value) {
    return value.isEmpty() || (value.length() <= 63 && NAME_PART.matcher(value).matches());
  }

  /**
   * A project name as a label value: compose allows a trailing {@code -} or {@code _}, labels do
   * not.
   */
  private static String labelValue(String s) {
    String v = s.replaceAll("[^-A-Za-z0-9_.]", "-").replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
    return v.length() > 63 ? v.substring(0, 63).replaceAll("[^A-Za-z0-9]+$", "") : v;
  }

  /** Compose labels split into Kubernetes labels and annotations, ours winning over theirs. */
  record Split(Map<String, String> labels, Map<String, String> annotations) {}

  /**
   * Splits {@code compose} (labels of the attribute at {@code path}) on top of {@code base} labels;
   * keys Kubernetes rejects, or that would replace one of {@code base}, are reported.
   */
  static Split split(
      Map<String, String> compose, Map<String, String> base, Findings findings, String... path) {
    Map<String, String> labels = new TreeMap<>(base);
    Map<String, String> annotations = new TreeMap<>();
    new TreeMap<>(compose == null ? Map.<String, String>of() : compose)
        .forEach(
            (k, v) -> {
              String value = v == null ? "" : v;
              if (!isKey(k)) {
                findings.report(
                    "label key \""
                        + k
                        + "\" is neither a valid Kubernetes label nor annotation key; not converted",
                    append(path, k));
              } else if (base.containsKey(k)) {
                findings.report(
                    "label "
                        + k
                        + " is set by convert (it selects the service's pods); the compose value is not used",
                    append(path, k));
              } else if (isValue(value)) {
                labels.put(k, value);
              } else {
                annotations.put(k, value);
              }
            });
    return new Split(labels, annotations);
  }

  static String[] append(String[] path, String... more) {
    String[] out = new String[path.length + more.length];
    System.arraycopy(path, 0, out, 0, path.length);
    System.arraycopy(more, 0, out, path.length, more.length);
    return out;
  }
}
