package dev.jcompose.cli.output;

import dev.jcompose.common.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The part of Go's text/template docker's {@code --format} flags are used with: text and {@code
 * {{.Field}}}, {@code {{json .}}}, {@code {{json .Field}}}, {@code {{upper .F}}}, {@code {{lower
 * .F}}}, {@code {{title .F}}} and {@code {{.Labels}}}-style strings, over a row given as a map of
 * docker's field names; {@code \t} and {@code \n} escapes as docker's formatter turns them into
 * characters. {@code table TEMPLATE} renders a header of docker's column names, aligned like
 * docker's tabwriter. A name that is not a field is an error, as Go's is.
 */
public final class GoTemplate {
  private final List<String> parts = new ArrayList<>();
  private final boolean table;

  private GoTemplate(String text, boolean table) {
    this.table = table;
    String t = text.replace("\\t", "\t").replace("\\n", "\n");
    int at = 0;
    while (at < t.length()) {
      int open = t.indexOf("{{", at);
      if (open < 0) {
        parts.add(t.substring(at));
        break;
      }
      int close = t.indexOf("}}", open);
      if (close < 0) {
        throw new IllegalArgumentException("template: unclosed action in \"" + text + "\"");
      }
      parts.add(t.substring(at, open));
      parts.add("{{" + t.substring(open + 2, close).trim());
      at = close + 2;
    }
  }

  /**
   * {@code table ...} or a plain template; "table" alone is for callers to treat as their default.
   */
  public static GoTemplate parse(String format) {
    if (format.startsWith("table ")) {
      return new GoTemplate(format.substring(6), true);
    }
    return new GoTemplate(format, false);
  }

  public boolean table() {
    return table;
  }

  /** The rows rendered, one line each (a table with its header and aligned columns). */
  public String render(List<Map<String, Object>> rows, Map<String, String> headers) {
    if (!table) {
      StringBuilder sb = new StringBuilder();
      rows.forEach(r -> sb.append(line(r)).append('\n'));
      return sb.toString();
    }
    TabTable t = new TabTable();
    t.row(List.of(header(headers).split("\t", -1)));
    rows.forEach(r -> t.row(List.of(line(r).split("\t", -1))));
    return t.render();
  }

  String line(Map<String, Object> row) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      sb.append(p.startsWith("{{") ? action(p.substring(2), row) : p);
    }
    return sb.toString();
  }

  private String header(Map<String, String> headers) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      if (!p.startsWith("{{")) {
        sb.append(p);
        continue;
      }
      String[] words = p.substring(2).split("\\s+", -1);
      String field = words[words.length - 1];
      String name = field.startsWith(".") ? field.substring(1) : field;
      sb.append(headers.getOrDefault(name, words(name)));
    }
    return sb.toString();
  }

  /** "RunningFor" -> "RUNNING FOR", docker's fallback for a column without a set name. */
  private static String words(String name) {
    return name.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
  }

  private static String action(String expr, Map<String, Object> row) {
    String[] words = expr.split("\\s+", -1);
    if (words.length == 1) {
      return text(value(words[0], row));
    }
    if (words.length == 2) {
      Object v = value(words[1], row);
      return switch (words[0]) {
        case "json" -> json(v);
        case "upper" -> text(v).toUpperCase(Locale.ROOT);
        case "lower" -> text(v).toLowerCase(Locale.ROOT);
        case "title" ->
            text(v).isEmpty()
                ? ""
                : Character.toUpperCase(text(v).charAt(0)) + text(v).substring(1);
        default ->
            throw new IllegalArgumentException(
                "template: function \"" + words[0] + "\" not defined");
      };
    }
    throw new IllegalArgumentException("template: cannot evaluate \"" + expr + "\"");
  }

  private static Object value(String ref, Map<String, Object> row) {
    if (ref.equals(".")) {
      return row;
    }
    if (!ref.startsWith(".") || !row.containsKey(ref.substring(1))) {
      throw new IllegalArgumentException(
          "template: can't evaluate field " + ref.replaceFirst("^\\.", "") + " in the row");
    }
    return row.get(ref.substring(1));
  }

  private static String text(Object v) {
    return v == null
        ? ""
        : v instanceof String s
            ? s
            : v instanceof Map || v instanceof List ? json(v) : String.valueOf(v);
  }

  private static String json(Object v) {
    return Json.write(v);
  }
}
