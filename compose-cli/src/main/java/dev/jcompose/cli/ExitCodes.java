package dev.jcompose.cli;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.scheduler.api.ComposeException;

/**
 * The one place where failures become exit codes. docker compose exits 1 for every failure; we keep
 * 1 for user errors so scripts behave the same, and use 2 for usage errors (as cobra and getopt
 * do), 125 for internal failures of jcompose itself (as docker run does for daemon errors). Every
 * failure of a verb arrives as a {@link ComposeException} whose kind says which.
 */
final class ExitCodes {
  static final int FAILURE = 1;
  static final int USAGE = 2;
  static final int INTERNAL = 125;

  private ExitCodes() {}

  static int of(Throwable t) {
    if (t instanceof ComposeFileException) {
      return FAILURE;
    }
    if (t instanceof ComposeException ce) {
      return ce.kind() == ComposeException.Kind.INTERNAL ? INTERNAL : FAILURE;
    }
    return INTERNAL;
  }
}
