package dev.jcompose.common.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 8259 text to {@link JsonNode}s; numbers become Long where they fit, else BigDecimal. */
final class JsonParser {
  private static final int MAX_DEPTH = 512;

  private final String s;
  private int i;
  private int depth;

  private JsonParser(String text) {
    this.s = text;
  }

  static JsonNode parse(String text) {
    JsonParser p = new JsonParser(text);
    p.space();
    JsonNode v = p.value();
    p.space();
    if (p.i < p.s.length()) {
      throw p.error("unexpected text after the value");
    }
    return v;
  }

  private JsonNode value() {
    if (i >= s.length()) {
      throw error("unexpected end of input");
    }
    char c = s.charAt(i);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> JsonNode.string(string());
      case 't' -> literal("true", JsonNode.TRUE);
      case 'f' -> literal("false", JsonNode.FALSE);
      case 'n' -> literal("null", JsonNode.NULL);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected character '" + c + "'");
      }
    };
  }

  private JsonNode object() {
    enter();
    i++;
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    space();
    if (peek() == '}') {
      i++;
      depth--;
      return JsonNode.object(fields);
    }
    while (true) {
      space();
      if (peek() != '"') {
        throw error("expected a field name");
      }
      String name = string();
      space();
      expect(':');
      space();
      fields.put(name, value());
      space();
      char c = next();
      if (c == '}') {
        depth--;
        return JsonNode.object(fields);
      }
      if (c != ',') {
        throw error("expected ',' or '}'");
      }
    }
  }

  private JsonNode array() {
    enter();
    i++;
    List<JsonNode> elements = new ArrayList<>();
    space();
    if (peek() == ']') {
      i++;
      depth--;
      return JsonNode.array(elements);
    }
    while (true) {
      space();
      elements.add(value());
      space();
      char c = next();
      if (c == ']') {
        depth--;
        return JsonNode.array(elements);
      }
      if (c != ',') {
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() {
    i++; // opening quote
    StringBuilder b = null;
    int start = i;
    while (true) {
      if (i >= s.length()) {
        throw error("unterminated string");
      }
      char c = s.charAt(i);
      if (c == '"') {
        String out = b == null ? s.substring(start, i) : b.append(s, start, i).toString();
        i++;
        return out;
      }
      if (c == '\\') {
        if (b == null) {
          b = new StringBuilder();
        }
        b.append(s, start, i);
        i++;
        b.append(escape());
        start = i;
      } else if (c < 0x20) {
        throw error("control character in a string");
      } else {
        i++;
      }
    }
  }

  private char escape() {
    char c = next();
    return switch (c) {
      case '"', '\\', '/' -> c;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> {
        if (i + 4 > s.length()) {
          throw error("short unicode escape");
        }
        try {
          char u = (char) Integer.parseInt(s.substring(i, i + 4), 16);
          i += 4;
          yield u;
        } catch (NumberFormatException e) {
          throw error("bad unicode escape");
        }
      }
      default -> throw error("bad escape '\\" + c + "'");
    };
  }

  private JsonNode number() {
    int start = i;
    boolean integral = true;
    if (peek() == '-') {
      i++;
    }
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        i++;
      } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
        integral = false;
        i++;
      } else {
        break;
      }
    }
    String text = s.substring(start, i);
    try {
      if (integral && text.length() < 19) {
        return JsonNode.number(Long.parseLong(text));
      }
      BigDecimal d = new BigDecimal(text);
      if (integral) {
        try {
          return JsonNode.number(d.longValueExact());
        } catch (ArithmeticException e) {
          return JsonNode.number(d);
        }
      }
      return JsonNode.number(d);
    } catch (NumberFormatException e) {
      throw error("bad number '" + text + "'");
    }
  }

  private JsonNode literal(String word, JsonNode node) {
    if (!s.startsWith(word, i)) {
      throw error("unexpected word");
    }
    i += word.length();
    return node;
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH);
    }
  }

  private void space() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        i++;
      } else {
        return;
      }
    }
  }

  private char peek() {
    return i < s.length() ? s.charAt(i) : '\0';
  }

  private char next() {
    if (i >= s.length()) {
      throw error("unexpected end of input");
    }
    return s.charAt(i++);
  }

  private void expect(char c) {
    if (next() != c) {
      throw error("expected '" + c + "'");
    }
  }

  private JsonException error(String what) {
    int line = 1;
    int lineStart = 0;
    for (int k = 0; k < Math.min(i, s.length()); k++) {
      if (s.charAt(k) == '\n') {
        line++;
        lineStart = k + 1;
      }
    }
    int column = i - lineStart + 1;
    return new JsonException(
        "invalid JSON at line " + line + ", column " + column + ": " + what, line, column);
  }
}
