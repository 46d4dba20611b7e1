package dev.jcompose.runtime.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.runtime.sys.ErrnoException;
import dev.jcompose.runtime.sys.ForwardingNativeOps;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeRemoverTest {
  @TempDir Path temp;
  private Path tree;
  private Path outside;

  @BeforeEach
  void setUp() throws IOException {
    tree = Files.createDirectory(temp.resolve("tree"));
    outside = Files.createDirectory(temp.resolve("outside"));
    for (int i = 0; i < 5; i++) {
      Files.writeString(outside.resolve("f" + i), "host file " + i);
    }
  }

  private void assertOutsideIntact() throws IOException {
    try (Stream<Path> files = Files.list(outside)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("f0", "f1", "f2", "f3", "f4");
    }
    assertThat(Files.readString(outside.resolve("f3"))).isEqualTo("host file 3");
  }

  @Test
  void remove_nestedTree_removesEverythingButWhatLinksPointAt() throws IOException {
    Files.createDirectories(tree.resolve("a/b/c"));
    Files.writeString(tree.resolve("a/b/c/file"), "x");
    Files.writeString(tree.resolve("top"), "y");
    Files.createSymbolicLink(tree.resolve("a/to-outside"), outside);
    Files.createSymbolicLink(tree.resolve("a/b/to-file"), outside.resolve("f1"));
    Files.createSymbolicLink(tree.resolve("dangling"), Path.of("/nonexistent/x"));
    Files.setPosixFilePermissions(
        tree.resolve("a/b"), PosixFilePermissions.fromString("r-xr-xr-x"));

    Trees.deleteRecursively(tree);

    assertThat(tree).doesNotExist();
    assertOutsideIntact();
  }

  @Test
  void remove_missingRoot_isFine() throws IOException {
    Trees.deleteRecursively(temp.resolve("never-made"));
    Trees.deleteRecursively(temp.resolve("never-made/below"));
  }

  @Test
  void remove_rootThatIsASymlink_removesTheLinkOnly() throws IOException {
    Path link = Files.createSymbolicLink(temp.resolve("link"), outside);
    Trees.deleteRecursively(link);
    assertThat(link).doesNotExist();
    assertOutsideIntact();
  }

  @Test
  void remove_rootThatIsAFile_removesIt() throws IOException {
    Path file = Files.writeString(temp.resolve("file"), "z");
    Trees.deleteRecursively(file);
    assertThat(file).doesNotExist();
  }

  @Test
  void remove_directorySwappedForSymlinkAfterListing_unlinksTheSymlink() throws IOException {
    Files.createDirectories(tree.resolve("d"));
    for (int i = 0; i < 5; i++) {
      Files.writeString(tree.resolve("d/f" + i), "container file");
    }
    // what a container does to its volume between the remover's listing and its open of "d"
    NativeOps swapping =
        new SwapBeforeOpen(
            NativeOps.real(),
            "d",
            () -> {
              Files.move(tree.resolve("d"), tree.resolve("d.moved"));
              Files.createSymbolicLink(tree.resolve("d"), outside);
            });

    new TreeRemover(swapping).remove(tree);

    assertThat(tree).doesNotExist();
    assertOutsideIntact();
  }

  @Test
  void remove_parentSwappedForSymlinkWhileEmptyingIt_keepsWorkingInTheOpenDirectory()
      throws IOException {
    Files.createDirectories(tree.resolve("d/e"));
    for (int i = 0; i < 5; i++) {
      Files.writeString(tree.resolve("d/e/f" + i), "container file");
    }
    // "d" is already open when it is renamed away and replaced: the path tree/d/e/f0 now names a
    // host file, but the remover works on the descriptor of the real d/e
    NativeOps swapping =
        new SwapBeforeOpen(
            NativeOps.real(),
            "e",
            () -> {
              Files.move(tree.resolve("d"), tree.resolve("d.moved"));
              Files.createDirectory(outside.resolve("e"));
              Files.writeString(outside.resolve("e/f0"), "host file in e");
              Files.createSymbolicLink(tree.resolve("d"), outside);
            });

    new TreeRemover(swapping).remove(tree);

    assertThat(tree).doesNotExist();
    assertThat(Files.readString(outside.resolve("e/f0"))).isEqualTo("host file in e");
  }

  @Test
  void remove_namesThatAreNotUtf8_areRemoved() throws Exception {
    Process p =
        new ProcessBuilder(
                "sh",
                "-c",
                "mkdir \"$(printf 'd\\377')\" && touch \"$(printf 'd\\377/f\\376')\" \"$(printf '\\351t\\351')\"")
            .directory(tree.toFile())
            .start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();

    Trees.deleteRecursively(tree);

    assertThat(tree).doesNotExist();
  }

  @Test
  void remove_treeDeeperThanPathMax_isRemoved() throws Exception {
    // two chains of 1000 "dd/" (3000 bytes each), one moved to the bottom of the other: no path
    // names the bottom, only descriptors reach it
    Process p =
        new ProcessBuilder(
                "sh",
                "-c",
                "p=$(printf 'dd/%.0s' $(seq 1000)); mkdir -p c1/$p c2/$p && touch c1/${p}bottom && mv c1 c2/$p")
            .directory(tree.toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();

    Trees.deleteRecursively(tree);

    assertThat(tree).doesNotExist();
  }

  @Test
  void remove_directoryRefilledWithoutEnd_failsNamingIt() throws IOException {
    Files.createDirectories(tree.resolve("busy"));
    NativeOps refilling =
        new ForwardingNativeOps(NativeOps.real()) {
          private int n;

          @Override
          public List<NativeOps.DirEntry> readDirectory(int fd) throws ErrnoException {
            List<NativeOps.DirEntry> entries = super.readDirectory(fd);
            try {
              Files.writeString(tree.resolve("busy/new" + n++), "still writing");
            } catch (IOException e) {
              throw new AssertionError(e);
            }
            return entries;
          }
        };

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new TreeRemover(refilling).remove(tree))
        .isInstanceOf(ErrnoException.class)
        .hasMessageContaining("busy")
        .hasMessageContaining("keeps changing");
    assertThat(tree.resolve("busy")).isDirectory();
  }

  @Test
  void remove_entryNamesAreNeverResolvedFromTheRoot() throws IOException {
    Files.createDirectories(tree.resolve("x"));
    Files.writeString(tree.resolve("x/y"), "v");
    RecordingCalls recording = new RecordingCalls(NativeOps.real());

    new TreeRemover(recording).remove(tree);

    // every name handed to the kernel is one component: nothing is resolved through a path
    assertThat(recording.names).isNotEmpty().allSatisfy(n -> assertThat(n).doesNotContain("/"));
    assertThat(Files.exists(tree, LinkOption.NOFOLLOW_LINKS)).isFalse();
  }

  /** Runs an action just before the remover opens the directory named {@code name}. */
  private static final class SwapBeforeOpen extends ForwardingNativeOps {
    interface Action {
      void run() throws IOException;
    }

    private final String name;
    private final Action action;
    private boolean done;

    SwapBeforeOpen(NativeOps delegate, String name, Action action) {
      super(delegate);
      this.name = name;
      this.action = action;
    }

    @Override
    public int openDirectoryBeneath(int dirfd, byte[] entry) throws ErrnoException {
      if (!done && name.equals(new String(entry, StandardCharsets.UTF_8))) {
        done = true;
        try {
          action.run();
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      }
      return super.openDirectoryBeneath(dirfd, entry);
    }
  }

  private static final class RecordingCalls extends ForwardingNativeOps {
    final List<String> names = new java.util.ArrayList<>();

    RecordingCalls(NativeOps delegate) {
      super(delegate);
    }

    @Override
    public int openDirectoryBeneath(int dirfd, byte[] name) throws ErrnoException {
      names.add(new String(name, StandardCharsets.UTF_8));
      return super.openDirectoryBeneath(dirfd, name);
    }

    @Override
    public void unlinkAt(int dirfd, byte[] name, boolean directory) throws ErrnoException {
      names.add(new String(name, StandardCharsets.UTF_8));
      super.unlinkAt(dirfd, name, directory);
    }
  }
}
