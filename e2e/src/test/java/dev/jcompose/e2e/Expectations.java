package dev.jcompose.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a conformance scenario's container must print, read from an {@code expected/<service>.txt}
 * file of its fixture: one Java regex per line, each matching a whole output line, in this order
 * (other lines may come between); a line starting with {@code !} is a regex no output line may
 * match; {@code #} lines are comments saying where docker's behaviour is written down.
 */
final class Expectations {
  private final List<Pattern> inOrder = new ArrayList<>();
  private final List<Pattern> absent = new ArrayList<>();
  private final Path file;

  private Expectations(Path file) {
    this.file = file;
  }

  static Expectations read(Path file) {
    Expectations e = new Expectations(file);
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("!")) {
          e.absent.add(Pattern.compile(line.substring(1)));
        } else {
          e.inOrder.add(Pattern.compile(line));
        }
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return e;
  }

  /** Throws an AssertionError naming the first expectation the output does not meet. */
  void check(String output) {
    List<String> lines = output.lines().toList();
    int at = 0;
    for (Pattern p : inOrder) {
      int found = -1;
      for (int i = at; i < lines.size(); i++) {
        if (p.matcher(lines.get(i)).matches()) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        throw new AssertionError(
            file + ": no line matching /" + p + "/ after line " + at + " of:\n" + output);
      }
      at = found + 1;
    }
    for (Pattern p : absent) {
      lines.stream()
          .filter(l -> p.matcher(l).matches())
          .findFirst()
          .ifPresent(
              l -> {
                throw new AssertionError(
                    file + ": line /" + p + "/ must not appear, got '" + l + "' in:\n" + output);
              });
    }
  }
}
