package dev.jcompose.cli.door;

import java.util.List;

/**
 * Which command lines the engine may run for a thin client: read-only, non-interactive verbs whose
 * whole effect is their output. The verb is found as the launcher finds it (./jcompose's {@code
 * hosted_verb}): the first word after the global options and their values. Anything in doubt (an
 * unknown option before the verb, help, a compose file on stdin) is not hosted: the full CLI runs
 * it.
 */
public final class HostedVerbs {
  /** The hosted verbs. */
  static final List<String> VERBS = List.of("ps", "config", "version", "ls", "images");

  /** Global options that take a value (ProjectOptions.GLOBALS). */
  private static final List<String> WITH_VALUE =
      List.of(
          "-f",
          "--file",
          "-p",
          "--project-name",
          "--project-directory",
          "--env-file",
          "--profile",
          "--ansi",
          "--progress",
          "--parallel");

  private HostedVerbs() {}

  /** The hosted verb {@code argv} runs, or null when the full CLI must run it. */
  public static String verb(List<String> argv) {
    String verb = null;
    for (int i = 0; i < argv.size(); i++) {
      String a = argv.get(i);
      if (a.equals("-h") || a.equals("--help") || a.equals("-")) {
        return null; // help, or a compose file on stdin: the full CLI
      }
      if (verb != null) {
        continue; // the verb's own arguments: only the checks above apply
      }
      if (WITH_VALUE.contains(a)) {
        if (++i >= argv.size() || argv.get(i).equals("-")) {
          return null;
        }
      } else if (a.equals("--dry-run")) {
        // a global flag without a value
      } else if (a.startsWith("--") && a.indexOf('=') > 0) {
        if (!WITH_VALUE.contains(a.substring(0, a.indexOf('='))) || a.endsWith("=-")) {
          return null;
        }
      } else if (VERBS.contains(a)) {
        verb = a;
      } else {
        return null;
      }
    }
    return verb;
  }
}
