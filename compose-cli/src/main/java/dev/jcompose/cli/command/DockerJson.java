package dev.jcompose.cli.command;

import dev.jcompose.common.json.Json;
import java.util.stream.Collectors;

/** JSON as docker's CLI prints inspect documents: indented with four spaces. */
final class DockerJson {
  private DockerJson() {}

  /** The codec's two-space form with each level doubled (no JSON string holds a raw newline). */
  static String pretty(Object value) {
    return Json.pretty(value)
        .lines()
        .map(
            l -> {
              int n = 0;
              while (n < l.length() && l.charAt(n) == ' ') {
                n++;
              }
              return " ".repeat(n * 2) + l.substring(n);
            })
        .collect(Collectors.joining("\n"));
  }

  static String line(Object value) {
    return Json.write(value);
  }
}
