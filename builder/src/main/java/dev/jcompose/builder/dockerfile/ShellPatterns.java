package dev.jcompose.builder.dockerfile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The shell patterns of {@code ${VAR#p}}, {@code ${VAR%p}} and {@code ${VAR/p/r}} (POSIX "Pattern
 * Matching Notation" without bracket expressions, as BuildKit supports them): {@code ?} is one
 * character, {@code *} the shortest or longest string, {@code \} quotes the next one.
 */
final class ShellPatterns {
  private ShellPatterns() {}

  static Pattern toRegex(String pattern, boolean greedy, boolean anchored) {
    StringBuilder out = new StringBuilder(anchored ? "^" : "");
    int[] cps = pattern.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == '*') {
        out.append(greedy ? ".*" : ".*?");
      } else if (c == '?') {
        out.append('.');
      } else if (c == '\\') {
        int n = i + 1 < cps.length ? cps[i + 1] : -1;
        if (n == '}' || n == '/') {
          continue; // the escape belonged to ${...}, not to the pattern
        }
        if (n != '*' && n != '?' && n != '\\') {
          throw new ShellLex.LexException(
              "invalid pattern ("
                  + pattern
                  + ") in substitution: invalid escape '\\"
                  + (n == -1 ? "" : Character.toString(n))
                  + "'");
        }
        out.append('\\').appendCodePoint(n);
        i++;
      } else {
        out.append(Pattern.quote(Character.toString(c)));
      }
    }
    try {
      return Pattern.compile(out.toString(), Pattern.DOTALL);
    } catch (PatternSyntaxException e) {
      throw new ShellLex.LexException(
          "invalid pattern (" + pattern + ") in substitution: " + e.getDescription());
    }
  }

  static String trimPrefix(String pattern, String value, boolean greedy) {
    Matcher m = toRegex(pattern, greedy, true).matcher(value);
    return m.find() ? value.substring(m.end()) : value;
  }

  // No regex finds the shortest rightmost match, so reverse both and trim a prefix (as upstream).
  static String trimSuffix(String pattern, String value, boolean greedy) {
    String reversed = trimPrefix(reversePattern(pattern), reverse(value), greedy);
    return reverse(reversed);
  }

  static String replace(String pattern, String replacement, String value, boolean all) {
    Matcher m = toRegex(pattern, true, false).matcher(value);
    String quoted = Matcher.quoteReplacement(replacement);
    return all ? m.replaceAll(quoted) : m.replaceFirst(quoted);
  }

  // "a\*c" reversed is "c\*a": an escape stays in front of the character it quotes.
  private static String reversePattern(String pattern) {
    int[] cps = pattern.codePoints().toArray();
    int[] out = new int[cps.length];
    int last = cps.length - 1;
    for (int i = 0; i <= last; ) {
      int o = last - i;
      if (cps[i] == '\\' && i != last) {
        out[o - 1] = '\\';
        out[o] = cps[i + 1];
        i += 2;
      } else {
        out[o] = cps[i];
        i++;
      }
    }
    return new String(out, 0, out.length);
  }

  private static String reverse(String s) {
    return new StringBuilder(s).reverse().toString();
  }
}
