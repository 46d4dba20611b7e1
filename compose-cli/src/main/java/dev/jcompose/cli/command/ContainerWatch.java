package dev.jcompose.cli.command;

import dev.jcompose.cli.output.LogPrinter;
import dev.jcompose.model.api.Service;
import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.ExitStatus;
import dev.jcompose.runtime.api.LogReader;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Follows one container for an attached {@code up}: its log lines, and its exits. An exit the
 * engine will answer with a restart (per the service's restart policy) is reported with
 * "(restarting)" and followed further; the last exit ends the watch with its code.
 */
final class ContainerWatch {
  // Docker's restart backoff tops out at 1 min: a container still down after that is not coming back.
  private static final long RESTART_WAIT_MILLIS = 70_000;

  private final ContainerRuntime runtime;
  private final LogReader logs;
  private final LogPrinter printer;
  private final Service service;
  private final AtomicBoolean stopping;

  ContainerWatch(ContainerRuntime runtime, LogReader logs, LogPrinter printer, Service service, AtomicBoolean stopping) {
    this.runtime = runtime;
    this.logs = logs;
    this.printer = printer;
    this.service = service;
    this.stopping = stopping;
  }

  /** Blocks until the container has exited for good; returns its exit code. */
  int follow(String id, String display, Instant since) {
    Optional<ContainerState> state = runtime.state(id);
    if (state.isEmpty()) {
      return 0;
    }
    AtomicBoolean finished = new AtomicBoolean();
    Thread reader = LogFollower.start(logs, state.get().logPath(), new LogReader.Options(-1, since, null, true), printer, display, finished::get);
    while (true) {
      ExitStatus exit = awaitExit(id);
      boolean again = exit != null && !stopping.get() && service != null
          && service.lifecycle().restart().restartsAfter(exit.exitCode());
      if (!again || !awaitRestart(id)) {
        finished.set(true);
        join(reader);
        int code = exit == null ? 0 : exit.exitCode();
        printer.notice(display, "exited with code " + code);
        return code;
      }
      printer.notice(display, "exited with code " + exit.exitCode() + " (restarting)");
    }
  }

  private ExitStatus awaitExit(String id) {
    try {
      return runtime.awaitExit(id).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException | RuntimeException e) {
      return null; // removed meanwhile (recreated or down from another terminal)
    }
  }

  /** Waits (bounded) until the engine has started the container again. */
  private boolean awaitRestart(String id) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RESTART_WAIT_MILLIS);
    while (System.nanoTime() < deadline && !stopping.get()) {
      Optional<ContainerState> s = runtime.state(id);
      if (s.isEmpty()) {
        return false;
      }
      if (s.get().status() == ContainerState.Status.RUNNING) {
        return true;
      }
      sleep(100);
    }
    return false;
  }

  private static void join(Thread t) {
    LogFollower.join(t);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
