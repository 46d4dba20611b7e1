package dev.jcompose.model.normalize;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits {@code command}/{@code entrypoint} strings into words as compose-go does (mattn
 * go-shellwords, default settings): blanks separate words, single quotes are literal, double quotes
 * group, a backslash outside single quotes escapes the next character. No variable or backtick
 * expansion, and nothing is run through a shell.
 */
final class ShellWords {
  private ShellWords() {}

  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder buf = new StringBuilder();
    boolean escaped = false;
    boolean single = false;
    boolean dbl = false;
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (escaped) {
        buf.append(c);
        escaped = false;
        inWord = true;
      } else if (c == '\\' && !single) {
        escaped = true;
      } else if (Character.isWhitespace(c) && !single && !dbl) {
        if (inWord) {
          words.add(buf.toString());
          buf.setLength(0);
          inWord = false;
        }
      } else if (c == '\'' && !dbl) {
        single = !single;
        inWord = true;
      } else if (c == '"' && !single) {
        dbl = !dbl;
        inWord = true;
      } else {
        buf.append(c);
        inWord = true;
      }
    }
    if (escaped || single || dbl) {
      throw new IllegalArgumentException("invalid command line string");
    }
    if (inWord) {
      words.add(buf.toString());
    }
    return words;
  }
}
