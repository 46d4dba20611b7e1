package dev.jcompose.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateRootsTest {
  @TempDir Path tmp;

  @Test
  void prepare_setsDockersModes_onNewAndExistingFolders() throws Exception {
    RuntimePaths paths = new RuntimePaths(tmp.resolve("data"), tmp.resolve("run"));
    Files.createDirectories(paths.containers()); // made earlier with the umask's 0755

    StateRoots.prepare(paths);

    assertThat(mode(paths.dataRoot())).isEqualTo("rwx--x---");
    assertThat(mode(paths.containers())).isEqualTo("rwx--x---");
    assertThat(mode(paths.images())).isEqualTo("rwx------");
    assertThat(mode(paths.volumes())).isEqualTo("rwx-----x");
    assertThat(mode(paths.runRoot())).isEqualTo("rwx--x--x");
    assertThat(mode(paths.runRoot().resolve("containers"))).isEqualTo("rwx------");
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
