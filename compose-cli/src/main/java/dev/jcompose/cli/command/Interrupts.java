package dev.jcompose.cli.command;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (and SIGTERM) handling for verbs that own the terminal: the first signal runs
 * {@code graceful}, later ones run {@code force}. Both run on their own thread so a blocking stop
 * never delays the handling of the next signal. The JVM's own exit on SIGINT is replaced: the
 * verb decides when to return.
 */
final class Interrupts {
  private Interrupts() {}

  static void install(Runnable graceful, Runnable force) {
    AtomicInteger count = new AtomicInteger();
    SignalHandler handler = sig -> {
      Runnable action = count.incrementAndGet() == 1 ? graceful : force;
      Thread t = new Thread(action, "jcompose-interrupt");
      t.setDaemon(true);
      t.start();
    };
    Signal.handle(new Signal("INT"), handler);
    Signal.handle(new Signal("TERM"), handler);
  }
}
