package dev.jcompose.runtime.volume;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text format getfattr dumps and setfattr --restore reads: "# file: PATH" then NAME=0xHEX
 * lines, blank line between files. Bytes of PATH outside printable ASCII, and backslash, are
 * written as \ooo octal by getfattr (attr's quote()), so both directions escape that way.
 */
final class XattrDump {
  private XattrDump() {}

  static Map<Path, Map<String, byte[]>> parse(String text) {
    Map<Path, Map<String, byte[]>> all = new LinkedHashMap<>();
    Map<String, byte[]> current = null;
    for (String line : text.split("\n")) {
      if (line.startsWith("# file: ")) {
        current = all.computeIfAbsent(Path.of(unescape(line.substring(8))), p -> new LinkedHashMap<>());
      } else if (current != null && line.contains("=")) {
        int eq = line.indexOf('=');
        current.put(line.substring(0, eq), AttrTools.hex(line.substring(eq + 1)));
      }
    }
    return all;
  }

  static String format(Map<Path, Map<String, byte[]>> attrs) {
    StringBuilder out = new StringBuilder();
    attrs.forEach((path, values) -> {
      out.append("# file: ").append(escape(path.toString())).append('\n');
      values.forEach((name, value) -> out.append(name).append("=0x").append(HexFormat.of().formatHex(value)).append('\n'));
      out.append('\n');
    });
    return out.toString();
  }

  static String escape(String path) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c <= ' ' || c >= 0x7f || c == '\\') {
        out.append('\\').append(String.format("%03o", c));
      } else {
        out.append((char) c);
      }
    }
    return out.toString();
  }

  static String unescape(String s) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 3 < s.length() + 1 && s.substring(i + 1, Math.min(s.length(), i + 4)).matches("[0-7]{3}")) {
        bytes.write(Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
