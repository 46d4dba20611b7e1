package dev.jcompose.builder.ignore;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One ignore pattern compiled as moby/patternmatcher compiles it: {@code *} and {@code ?} stay
 * inside a path component, {@code **} spans any number of components (also none), {@code [...]} are
 * character classes, {@code \} quotes; plain patterns compare exactly, {@code x/**} by prefix and
 * {@code **}{@code /x} by suffix.
 */
final class PathPattern {
  private enum Type {
    EXACT,
    PREFIX,
    SUFFIX,
    REGEX
  }

  final String cleaned;
  final boolean exclusion;
  final int depth;
  private final Type type;
  private final Pattern regex;

  PathPattern(String cleaned, boolean exclusion) {
    this.cleaned = cleaned;
    this.exclusion = exclusion;
    this.depth = cleaned.split("/", -1).length;
    Type detected = Type.EXACT;
    StringBuilder re = new StringBuilder("^");
    int[] cps = cleaned.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int ch = cps[i];
      if (ch == '*') {
        int begin = i;
        if (i + 1 < cps.length && cps[i + 1] == '*') {
          i++;
          if (i + 1 < cps.length && cps[i + 1] == '/') {
            i++;
          }
          if (i + 1 >= cps.length) {
            // "**" at the end matches everything below, as in .gitignore
            if (detected == Type.EXACT) {
              detected = Type.PREFIX;
            } else {
              re.append(".*");
              detected = Type.REGEX;
            }
          } else {
            re.append("(.*/)?");
            detected = Type.REGEX;
          }
          if (begin == 0) {
            detected = Type.SUFFIX;
          }
        } else {
          re.append("[^/]*");
          detected = Type.REGEX;
        }
      } else if (ch == '?') {
        re.append("[^/]");
        detected = Type.REGEX;
      } else if (".+()|{}$".indexOf(ch) >= 0) {
        re.append('\\').appendCodePoint(ch);
      } else if (ch == '\\') {
        if (i + 1 < cps.length) {
          re.append('\\').appendCodePoint(cps[++i]);
          detected = Type.REGEX;
        } else {
          re.append("\\\\");
        }
      } else if (ch == '[' || ch == ']') {
        re.appendCodePoint(ch);
        detected = Type.REGEX;
      } else {
        re.appendCodePoint(ch);
      }
    }
    this.type = detected;
    Pattern compiled = null;
    if (detected == Type.REGEX) {
      try {
        compiled = Pattern.compile(re.append('$').toString(), Pattern.DOTALL);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("syntax error in pattern \"" + cleaned + "\"");
      }
    }
    this.regex = compiled;
  }

  boolean matches(String path) {
    return switch (type) {
      case EXACT -> path.equals(cleaned);
      case PREFIX -> path.startsWith(cleaned.substring(0, cleaned.length() - 2));
      case SUFFIX -> {
        String suffix = cleaned.substring(2);
        yield path.endsWith(suffix) || (suffix.startsWith("/") && path.equals(suffix.substring(1)));
      }
      default -> regex.matcher(path).matches();
    };
  }
}
