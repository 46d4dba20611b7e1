package dev.jcompose.runtime.shim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {
  @TempDir Path tmp;

  @Test
  void write_filesHoldingEnvironments_areOwnerOnly_evenOverAWorldReadableOne() throws Exception {
    Path f = tmp.resolve("state.json");
    Files.writeString(f, "old");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
    Files.writeString(tmp.resolve(".state.json.tmp"), "crash leftover");

    AtomicWrite.write(f, "{\"env\":[\"PASSWORD=x\"]}".getBytes(), false);

    assertThat(Files.readString(f)).contains("PASSWORD");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
    assertThat(tmp.resolve(".state.json.tmp")).doesNotExist();
  }
}
