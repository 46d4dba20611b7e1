package dev.jcompose.cli.command;

import dev.jcompose.cli.console.Invocation;
import dev.jcompose.scheduler.api.ExecProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;

/**
 * Connects this process's stdio to an exec process until the process exits; returns its code. With
 * a tty the local terminal is put in raw mode (restored afterwards) so keys reach the container's
 * pty unchanged; stdin is copied on a daemon thread that dies with the CLI.
 */
final class StdioPump {
  private final ExecProcess session;
  private final boolean tty;
  private final boolean stdin;

  StdioPump(ExecProcess session, boolean tty) {
    this(session, tty, true);
  }

  /** With {@code stdin} false this process's stdin is left alone and the process's closed. */
  StdioPump(ExecProcess session, boolean tty, boolean stdin) {
    this.session = session;
    this.tty = tty;
    this.stdin = stdin;
  }

  int run() throws InterruptedException {
    String saved = tty ? Terminal.makeRaw() : null;
    try {
      if (stdin) {
        daemon("exec-stdin", () -> copyThenClose(Invocation.current().in(), session.stdin()));
      } else {
        closeQuietly(session.stdin());
      }
      Thread out = daemon("exec-stdout", () -> copy(session.stdout(), Invocation.current().out()));
      Thread err =
          tty
              ? null
              : daemon("exec-stderr", () -> copy(session.stderr(), Invocation.current().err()));
      int code = session.exitCode().get();
      out.join(5_000);
      if (err != null) {
        err.join(5_000);
      }
      return code;
    } catch (ExecutionException e) {
      throw new IllegalStateException("exec failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      if (saved != null) {
        Terminal.restore(saved);
      }
    }
  }

  private static Thread daemon(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void copyThenClose(InputStream in, OutputStream out) {
    copy(in, out);
    closeQuietly(out);
  }

  private static void closeQuietly(OutputStream out) {
    try {
      out.close();
    } catch (IOException e) {
      // the process may already be gone
    }
  }

  private static void copy(InputStream in, OutputStream out) {
    byte[] buf = new byte[8192];
    try {
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // the other side closed: nothing more to copy
    }
  }
}
