package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ExecSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** An exec backed by a {@code jcshim exec} process: its pipes are the exec'd process's stdio. */
final class LinuxExecSession implements ExecSession {
  private final Process process;
  private final CompletableFuture<Integer> exit;

  LinuxExecSession(Process process, List<Path> files) {
    this.process = process;
    this.exit =
        process
            .onExit()
            .thenApply(
                p -> {
                  files.forEach(LinuxExecSession::deleteQuietly);
                  return p.exitValue();
                });
  }

  @Override
  public OutputStream stdin() {
    return process.getOutputStream();
  }

  @Override
  public InputStream stdout() {
    return process.getInputStream();
  }

  @Override
  public InputStream stderr() {
    return process.getErrorStream();
  }

  @Override
  public CompletableFuture<Integer> exitCode() {
    return exit;
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // the run dir goes away with the container
    }
  }
}
