package dev.jcompose.runtime.container;

import dev.jcompose.common.fs.AtomicFile;
import dev.jcompose.common.fs.AtomicFile.Durability;
import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonException;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads and atomically writes {@link ContainerRecord}s as JSON, owner-only: they hold the
 * environment.
 */
final class RecordStore {
  void write(Path file, ContainerRecord record) {
    write(file, record, true);
  }

  /** durable=false for run details (pid, start time) that a reboot makes meaningless anyway. */
  void write(Path file, ContainerRecord record, boolean durable) {
    try {
      AtomicFile.write(
          file,
          Json.bytes(record),
          durable ? Durability.SYNCED : Durability.UNSYNCED,
          AtomicFile.PRIVATE);
    } catch (IOException e) {
      throw new ContainerException(
          Kind.INTERNAL, "cannot write container state " + file + ": " + e.getMessage(), e);
    }
  }

  Optional<ContainerRecord> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.read(Files.readAllBytes(file), ContainerRecord.class));
    } catch (IOException | JsonException e) {
      throw new ContainerException(
          Kind.INTERNAL, "cannot read container state " + file + ": " + e.getMessage(), e);
    }
  }
}
