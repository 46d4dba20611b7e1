package dev.jcompose.scheduler.api;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/** A running {@code exec}: its stdio (stderr merged into stdout with a tty) and its exit code. */
public interface ExecProcess {
  OutputStream stdin();

  InputStream stdout();

  InputStream stderr();

  CompletableFuture<Integer> exitCode();
}
