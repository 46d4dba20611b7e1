package dev.jcompose.model.interpolate;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Compose variable substitution (compose-go template/template.go), written as a scanner.
 *
 * <p>{@code $$} is a literal {@code $}; {@code $NAME} and {@code ${NAME}} substitute (NAME is
 * {@code [_a-zA-Z][_a-zA-Z0-9]*}); {@code ${NAME<op>arg}} with op {@code :- - :? ? :+ +}. A braced
 * expression with an operator extends, like compose-go's greedy regex, to the last closing brace of
 * the line, is cut at its matching brace (nested {@code ${...}} in the argument), and the argument
 * is substituted lazily. A {@code $} followed by anything else is kept literally; a dollar and an
 * opening brace not followed by a valid expression is an invalid template. Unset variables without
 * default give "" and a warning.
 */
public final class Template {
  private final Function<String, Optional<String>> lookup;
  private final Consumer<String> warnings;

  /**
   * A template resolver.
   *
   * @param lookup variable value or empty when unset
   * @param warnings receives "not set" warnings
   */
  public Template(Function<String, Optional<String>> lookup, Consumer<String> warnings) {
    this.lookup = lookup;
    this.warnings = warnings;
  }

  /** Substitutes every expression of {@code template}. */
  public String substitute(String template) {
    if (template.indexOf('$') < 0) {
      return template;
    }
    StringBuilder out = new StringBuilder(template.length());
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '$' || i + 1 >= template.length()) {
        out.append(c);
        i++;
        continue;
      }
      i = expression(template, i, out);
    }
    return out.toString();
  }

  /** Handles the expression starting at {@code template[at] == '$'}; returns the next index. */
  private int expression(String t, int at, StringBuilder out) {
    char next = t.charAt(at + 1);
    if (next == '$') {
      out.append('$');
      return at + 2;
    }
    if (isNameStart(next)) {
      int end = nameEnd(t, at + 1);
      out.append(value(t.substring(at + 1, end)));
      return end;
    }
    if (next != '{') {
      out.append('$');
      return at + 1;
    }
    return braced(t, at, out);
  }

  private int braced(String t, int at, StringBuilder out) {
    int nameStart = at + 2;
    if (nameStart >= t.length() || !isNameStart(t.charAt(nameStart))) {
      throw invalid(t);
    }
    int nameEnd = nameEnd(t, nameStart);
    String name = t.substring(nameStart, nameEnd);
    if (nameEnd < t.length() && t.charAt(nameEnd) == '}') {
      out.append(value(name));
      return nameEnd + 1;
    }
    int opLen = operatorLength(t, nameEnd);
    int lastBrace = lastBraceOnLine(t, nameEnd);
    if (opLen == 0 || lastBrace < 0) {
      throw invalid(t);
    }
    String whole = t.substring(at, lastBrace + 1);
    int close = firstClosingBrace(whole);
    String expr = close < 0 ? whole : whole.substring(0, close + 1);
    // compose-go picks the operator occurring first; since names hold no operator characters that
    // is always the one right after the name.
    String operator = t.substring(nameEnd, nameEnd + opLen);
    String arg = expr.substring(nameEnd - at + opLen, expr.length() - 1);
    out.append(apply(name, operator, arg));
    return at + expr.length();
  }

  private String apply(String name, String op, String arg) {
    Optional<String> v = lookup.apply(name);
    boolean set = v.isPresent();
    boolean nonEmpty = set && !v.get().isEmpty();
    boolean required = op.endsWith("?");
    if (required && !(op.equals(":?") ? nonEmpty : set)) {
      throw missing(name, substitute(arg));
    }
    return switch (op) {
      case ":-" -> nonEmpty ? v.get() : substitute(arg);
      case "-" -> set ? v.get() : substitute(arg);
      case ":+" -> nonEmpty ? substitute(arg) : v.orElse("");
      case "+" -> set ? substitute(arg) : "";
      default -> v.get();
    };
  }

  private String value(String name) {
    Optional<String> v = lookup.apply(name);
    if (v.isEmpty()) {
      warnings.accept("The \"" + name + "\" variable is not set. Defaulting to a blank string.");
    }
    return v.orElse("");
  }

  private static TemplateException missing(String name, String reason) {
    String msg = "required variable " + name + " is missing a value";
    return new TemplateException(reason.isEmpty() ? msg : msg + ": " + reason, false);
  }

  private static TemplateException invalid(String template) {
    return new TemplateException("Invalid template: \"" + template + "\"", true);
  }

  private static boolean isNameStart(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static int nameEnd(String t, int from) {
    int i = from;
    while (i < t.length()
        && (isNameStart(t.charAt(i)) || (Character.isDigit(t.charAt(i)) && t.charAt(i) < 128))) {
      i++;
    }
    return i;
  }

  /** Length of {@code :?[-+?]} at {@code i}, 0 if none. */
  private static int operatorLength(String t, int i) {
    int j = i < t.length() && t.charAt(i) == ':' ? i + 1 : i;
    return j < t.length() && "-+?".indexOf(t.charAt(j)) >= 0 ? j - i + 1 : 0;
  }

  /** The greedy {@code (.*)}} of compose-go's pattern: '.' stops at a newline. */
  private static int lastBraceOnLine(String t, int from) {
    int nl = t.indexOf('\n', from);
    int end = nl < 0 ? t.length() : nl;
    return t.lastIndexOf('}', end - 1) >= from ? t.lastIndexOf('}', end - 1) : -1;
  }

  /** compose-go getFirstBraceClosingIndex, including its skip of the char after each '{'. */
  private static int firstClosingBrace(String s) {
    int open = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '}') {
        open--;
        if (open == 0) {
          return i;
        }
      }
      if (s.charAt(i) == '{') {
        open++;
        i++;
      }
    }
    return -1;
  }
}
