package dev.jcompose.cli.command;

/**
 * Whether the CLI talks to a terminal. The JDK tells only whether both stdin and stdout are one
 * ({@code System.console()}); that is the case docker's CLI also treats as interactive.
 */
final class Terminals {
  private Terminals() {}

  static boolean interactive() {
    return System.console() != null;
  }
}
