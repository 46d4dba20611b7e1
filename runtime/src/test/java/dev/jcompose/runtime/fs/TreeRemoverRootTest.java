package dev.jcompose.runtime.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mount points inside a tree: needs CAP_SYS_ADMIN to mount. */
@Tag("root")
class TreeRemoverRootTest {
  @TempDir Path temp;
  private Path mounted;

  @AfterEach
  void unmount() throws Exception {
    if (mounted != null) {
      run("umount", "-l", mounted.toString());
    }
  }

  @Test
  void remove_bindMountInsideTree_isNotCrossed() throws Exception {
    Path host = Files.createDirectory(temp.resolve("host"));
    Files.writeString(host.resolve("precious"), "keep");
    Path tree = Files.createDirectories(temp.resolve("tree/a"));
    Files.writeString(tree.resolve("sibling"), "goes");
    mounted = Files.createDirectory(tree.resolve("mnt"));
    // same file system as the tree: st_dev alone would not tell, the mount does
    run("mount", "--bind", host.toString(), mounted.toString());

    assertThatThrownBy(() -> Trees.deleteRecursively(temp.resolve("tree")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("tree/a/mnt")
        .hasMessageContaining("mount point");

    assertThat(Files.readString(host.resolve("precious"))).isEqualTo("keep");
    assertThat(Files.readString(mounted.resolve("precious"))).isEqualTo("keep");
  }

  @Test
  void remove_rootThatIsAMountPoint_isNotEmptied() throws Exception {
    mounted = Files.createDirectory(temp.resolve("tmpfs"));
    run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mounted.toString());
    Files.writeString(mounted.resolve("inside"), "keep");

    assertThatThrownBy(() -> Trees.deleteRecursively(mounted)).hasMessageContaining("mount point");

    assertThat(Files.readString(mounted.resolve("inside"))).isEqualTo("keep");
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).inheritIO().start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
  }
}
