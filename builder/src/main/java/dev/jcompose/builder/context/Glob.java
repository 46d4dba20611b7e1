package dev.jcompose.builder.context;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One path component's wildcard pattern with Go's {@code filepath.Match} syntax, which COPY sources
 * use: {@code *} any run of characters, {@code ?} one, {@code [a-z]} / {@code [^a-z]} classes,
 * {@code \} quoting the next character.
 */
final class Glob {
  private final Pattern regex;

  private Glob(Pattern regex) {
    this.regex = regex;
  }

  static boolean isPattern(String component) {
    return component.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '\\');
  }

  static Glob of(String component) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < component.length(); i++) {
      char c = component.charAt(i);
      if (c == '*') {
        re.append(".*");
      } else if (c == '?') {
        re.append('.');
      } else if (c == '\\' && i + 1 < component.length()) {
        re.append(Pattern.quote(Character.toString(component.charAt(++i))));
      } else if (c == '[') {
        int end = component.indexOf(']', i + 2);
        if (end < 0) {
          throw new IllegalArgumentException("syntax error in pattern \"" + component + "\"");
        }
        String body = component.substring(i + 1, end);
        re.append('[')
            .append(body.startsWith("^") ? "^" + quoteClass(body.substring(1)) : quoteClass(body))
            .append(']');
        i = end;
      } else {
        re.append(Pattern.quote(Character.toString(c)));
      }
    }
    try {
      return new Glob(Pattern.compile(re.toString(), Pattern.DOTALL));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("syntax error in pattern \"" + component + "\"");
    }
  }

  // Inside a class only '-' ranges are special; quote what Java would read as more.
  private static String quoteClass(String body) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '[' || c == '&' || c == '^' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  boolean matches(String name) {
    return regex.matcher(name).matches();
  }
}
