package dev.jcompose.runtime.api;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/** A running exec: its stdio streams (stderr merged into stdout when tty) and its exit code. */
public interface ExecSession {
  OutputStream stdin();

  InputStream stdout();

  InputStream stderr();

  CompletableFuture<Integer> exitCode();
}
