package dev.jcompose.convert.k8s;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Kubernetes' name rules (apimachinery's validation: DNS-1035 labels for Services, DNS-1123 labels
 * for the names of containers, pod volumes and ports) applied to compose names, which allow upper
 * case, dots and underscores.
 */
final class Names {
  static final int LABEL_MAX = 63;
  private static final Pattern DNS_1035 = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private Names() {}

  /**
   * A DNS-1035 label (what a Service name must be, and so the name of every object of a service):
   * lower case, {@code _} and {@code .} as {@code -}, starting with a letter, at most 63.
   */
  static String label(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
      s = "x-" + s;
    }
    if (s.length() > LABEL_MAX) {
      s = s.substring(0, LABEL_MAX);
    }
    return s.replaceAll("-+$", "");
  }

  static boolean isLabel(String name) {
    return name.length() <= LABEL_MAX && DNS_1035.matcher(name).matches();
  }

  /**
   * A port name (IANA_SVC_NAME): at most 15, lower case letters, digits and inner dashes, one
   * letter at least.
   */
  static boolean isPortName(String name) {
    return name.length() <= 15
        && PORT_NAME.matcher(name).matches()
        && !name.contains("--")
        && name.chars().anyMatch(Character::isLetter);
  }

  /** A ConfigMap/Secret key: letters, digits, {@code -._}; anything else becomes {@code _}. */
  static String dataKey(String name) {
    String s = name.replaceAll("[^-._a-zA-Z0-9]", "_");
    return s.equals(".") || s.equals("..") || s.isEmpty() ? "_" + s : s;
  }
}
