package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ExitStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** The shim's exit file: "<exit code> <signal> <finished unix nanos>". */
record ExitFile(int exitCode, int signal, Instant finishedAt) {

  static Optional<ExitFile> read(Path file) {
    try {
      String[] f = Files.readString(file).strip().split(" ", -1);
      long nanos = Long.parseLong(f[2]);
      Instant at = Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
      return Optional.of(new ExitFile(Integer.parseInt(f[0]), Integer.parseInt(f[1]), at));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  ExitStatus status(boolean oomKilled) {
    return new ExitStatus(exitCode, signal, oomKilled);
  }
}
