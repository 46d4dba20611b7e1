package dev.jcompose.runtime.image.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed {@code WWW-Authenticate} header (RFC 7235): a scheme and its parameters, e.g. {@code
 * Bearer realm="https://auth.example/token",service="reg",scope="repository:a/b:pull"}.
 *
 * @param scheme lower-cased scheme ({@code bearer}, {@code basic})
 * @param params parameter names lower-cased, values unquoted
 */
public record AuthChallenge(String scheme, Map<String, String> params) {

  /** Parses one challenge; a header without parameters yields an empty map. */
  public static AuthChallenge parse(String header) {
    String text = header.trim();
    int space = text.indexOf(' ');
    String scheme = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
    Map<String, String> params = new LinkedHashMap<>();
    int i = space < 0 ? text.length() : space + 1;
    while (i < text.length()) {
      int eq = text.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String name = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      StringBuilder value = new StringBuilder();
      i = readValue(text, eq + 1, value);
      params.put(name, value.toString());
      while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
        i++;
      }
    }
    return new AuthChallenge(scheme, Map.copyOf(params));
  }

  // Reads a quoted-string (with backslash escapes) or a token; returns the index after it.
  private static int readValue(String text, int start, StringBuilder out) {
    int i = start;
    if (i < text.length() && text.charAt(i) == '"') {
      for (i++; i < text.length() && text.charAt(i) != '"'; i++) {
        if (text.charAt(i) == '\\' && i + 1 < text.length()) {
          i++;
        }
        out.append(text.charAt(i));
      }
      return i + 1;
    }
    for (; i < text.length() && text.charAt(i) != ','; i++) {
      out.append(text.charAt(i));
    }
    return i;
  }

  public String param(String name) {
    return params.get(name);
  }
}
