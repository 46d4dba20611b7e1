package dev.jcompose.common.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void write_replacesContent_leavesNoTempFile() throws Exception {
    Path f = dir.resolve("state.json");
    AtomicFile.write(f, "old".getBytes(StandardCharsets.UTF_8));
    AtomicFile.write(f, "new".getBytes(StandardCharsets.UTF_8), AtomicFile.Durability.UNSYNCED);
    assertThat(Files.readString(f)).isEqualTo("new");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(f);
    }
  }

  @Test
  void write_withPermissions_setsTheModeBeforeTheFileAppears() throws Exception {
    Path f = dir.resolve("tool");
    AtomicFile.write(
        f,
        new byte[] {1},
        AtomicFile.Durability.SYNCED,
        PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
        .isEqualTo("rwxr-xr-x");
  }

  @Test
  void write_private_overAWorldReadableFile_isOwnerOnly() throws Exception {
    Path f = dir.resolve("state.json");
    Files.writeString(f, "old");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));

    AtomicFile.write(
        f,
        "{\"env\":[\"PASSWORD=x\"]}".getBytes(StandardCharsets.UTF_8),
        AtomicFile.Durability.UNSYNCED,
        AtomicFile.PRIVATE);

    assertThat(Files.readString(f)).contains("PASSWORD");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
        .isEqualTo("rw-------");
  }
}
