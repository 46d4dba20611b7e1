package dev.jcompose.builder.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Separates the leading {@code --name[=value]} words of an instruction from its arguments (BuildKit
 * {@code extractBuilderFlags}): flags end at the first word not starting with "--", or after a lone
 * "--". Quotes group, a backslash quotes the next character; both are removed.
 */
final class FlagSplitter {
  private FlagSplitter() {}

  record Split(List<String> flags, String rest) {}

  static Split split(String line) {
    List<String> flags = new ArrayList<>();
    int pos = 0;
    int n = line.length();
    while (true) {
      while (pos < n && Character.isWhitespace(line.charAt(pos))) {
        pos++;
      }
      if (pos >= n || !line.startsWith("--", pos)) {
        return new Split(flags, pos >= n ? "" : line.substring(pos));
      }
      StringBuilder word = new StringBuilder();
      pos = readWord(line, pos, word);
      if (word.toString().equals("--")) {
        return new Split(flags, line.substring(pos).strip());
      }
      flags.add(word.toString());
    }
  }

  private static int readWord(String line, int pos, StringBuilder word) {
    int n = line.length();
    char quote = 0;
    for (; pos < n; pos++) {
      char ch = line.charAt(pos);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
          continue;
        }
      } else if (Character.isWhitespace(ch)) {
        return pos;
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
        continue;
      }
      if (ch == '\\') {
        if (pos + 1 == n) {
          continue;
        }
        ch = line.charAt(++pos);
      }
      word.append(ch);
    }
    return pos;
  }
}
