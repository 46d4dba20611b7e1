package dev.jcompose.runtime.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The xattr system calls through jnr, on {@code user.*} (no privilege needed), checked against the
 * JDK's view.
 */
class LibcOpsXattrTest {
  final NativeOps ops = NativeOps.real();
  @TempDir Path dir;
  Path file;

  @BeforeEach
  void file() throws IOException {
    file = Files.writeString(dir.resolve("f"), "x");
    UserDefinedFileAttributeView view =
        Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
    assumeTrue(view != null && supportsUserXattrs(view), "this file system keeps no user xattrs");
  }

  @Test
  void setListGet_roundTripsAndAgreesWithTheJdk() throws IOException {
    byte[] big = new byte[4000];
    Arrays.fill(big, (byte) 'v');
    ops.lsetxattr(file, "user.small", "hello".getBytes());
    ops.lsetxattr(file, "user.big", big);

    assertThat(ops.llistxattr(file)).contains("user.small", "user.big");
    assertThat(ops.lgetxattr(file, "user.small")).hasValue("hello".getBytes());
    assertThat(ops.lgetxattr(file, "user.big")).hasValue(big);
    UserDefinedFileAttributeView view =
        Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
    assertThat(view.list()).contains("small", "big");
  }

  @Test
  void absentAttribute_isEmpty_andAFileWithoutAny_listsNone() throws IOException {
    assertThat(ops.lgetxattr(file, "user.none")).isEmpty();
    assertThat(ops.llistxattr(file)).noneMatch(n -> n.startsWith("user."));
  }

  @Test
  void symlink_isNotFollowed() throws IOException {
    ops.lsetxattr(file, "user.target", "t".getBytes());
    Path link = Files.createSymbolicLink(dir.resolve("link"), file.getFileName());
    assertThat(ops.llistxattr(link)).doesNotContain("user.target");
    assertThat(ops.lgetxattr(link, "user.target")).isEmpty();
  }

  @Test
  void missingFile_isAnError() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ops.llistxattr(dir.resolve("missing")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("missing");
  }

  private boolean supportsUserXattrs(UserDefinedFileAttributeView view) {
    try {
      view.write("probe", ByteBuffer.wrap(new byte[] {1}));
      view.delete("probe");
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
