package dev.jcompose.model.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code command}/{@code entrypoint} string (and {@code run --entrypoint}) into words the
 * way docker compose does: with POSIX shell quoting (XCU 2.2), but no expansion and no shell run.
 *
 * <ul>
 *   <li>blanks (space, tab, CR, LF) outside quotes separate words; a quoted empty string is a word;
 *   <li>single quotes keep everything literally, backslashes included;
 *   <li>inside double quotes a backslash escapes only {@code $}, a backquote, {@code "}, {@code \}
 *       and a newline (which it removes as a line continuation), and stays otherwise, so {@code
 *       printf "[%s]\n" a b} keeps its {@code \n} for printf;
 *   <li>outside quotes a backslash makes the next character literal ({@code \}newline is removed);
 *   <li>{@code $NAME}, {@code $(...)} and backquoted text stay as written: interpolation already
 *       happened when the file was loaded, and compose never runs a shell here;
 *   <li>as go-shellwords (compose-go's splitter) does, an unquoted {@code ;}, {@code &}, {@code |},
 *       {@code <} or {@code >} ends the command (the rest is not part of it), and an unquoted
 *       {@code (} that does not open {@code $(} is an error.
 * </ul>
 *
 * Unbalanced quotes, a trailing backslash or an unclosed {@code $(} fail with go-shellwords'
 * message "invalid command line string".
 */
public final class ShellWords {
  private static final String INVALID = "invalid command line string";

  private final String line;
  private final List<String> words = new ArrayList<>();
  private final StringBuilder word = new StringBuilder();
  private boolean inWord;
  private int pos;

  private ShellWords(String line) {
    this.line = line;
  }

  /**
   * The words of {@code line}; IllegalArgumentException("invalid command line string") if
   * malformed.
   */
  public static List<String> split(String line) {
    ShellWords s = new ShellWords(line);
    s.run();
    return s.words;
  }

  private void run() {
    while (pos < line.length()) {
      char c = line.charAt(pos++);
      if (isBlank(c)) {
        endWord();
      } else if (c == ';' || c == '&' || c == '|' || c == '<' || c == '>') {
        break;
      } else {
        inWord = true;
        unquoted(c);
      }
    }
    endWord();
  }

  private void unquoted(char c) {
    switch (c) {
      case '\\' -> escapedOutsideQuotes();
      case '\'' -> singleQuoted();
      case '"' -> doubleQuoted();
      case '`' -> verbatimUntil('`');
      case '(' -> throw new IllegalArgumentException(INVALID);
      case '$' -> {
        word.append(c);
        if (pos < line.length() && line.charAt(pos) == '(') {
          word.append('(');
          pos++;
          verbatimUntil(')');
        }
      }
      default -> word.append(c);
    }
  }

  private void escapedOutsideQuotes() {
    char next = next();
    if (next != '\n') {
      word.append(next);
    }
  }

  private void singleQuoted() {
    int end = line.indexOf('\'', pos);
    if (end < 0) {
      throw new IllegalArgumentException(INVALID);
    }
    word.append(line, pos, end);
    pos = end + 1;
  }

  private void doubleQuoted() {
    for (char c = next(); c != '"'; c = next()) {
      if (c != '\\') {
        word.append(c);
        continue;
      }
      char escaped = next();
      if (escaped == '$' || escaped == '`' || escaped == '"' || escaped == '\\') {
        word.append(escaped);
      } else if (escaped != '\n') {
        word.append('\\').append(escaped);
      }
    }
  }

  /** Command substitution text ($(...) or `...`), kept as written up to its closing character. */
  private void verbatimUntil(char close) {
    if (close == '`') {
      word.append('`');
    }
    for (char c = next(); ; c = next()) {
      word.append(c);
      if (c == close) {
        return;
      }
    }
  }

  private char next() {
    if (pos >= line.length()) {
      throw new IllegalArgumentException(INVALID);
    }
    return line.charAt(pos++);
  }

  private void endWord() {
    if (inWord) {
      words.add(word.toString());
      word.setLength(0);
      inWord = false;
    }
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }
}
