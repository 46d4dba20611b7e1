package dev.jcompose.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jcompose.e2e.Jcompose;
import dev.jcompose.testkit.HostChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A running container swaps a directory of a volume for a symlink to a host directory while the
 * volume is removed: the host must unlink the symlink, never delete through it. The container is of
 * another project that mounts the volume as external, so it keeps running during {@code down -v} of
 * the volume's own project. Before removal went through directory descriptors, 9810 of the 10000
 * host files went.
 */
@Tag("security")
@Tag("root")
class VolumeSymlinkSwapTest {
  private static final int FILES = 10000;
  private Jcompose holder;
  private Jcompose swapper;

  @AfterEach
  void tearDown() {
    try {
      if (swapper != null) {
        swapper.run(120, "down", "-t", "1");
      }
    } finally {
      if (holder != null) {
        holder.close();
      }
      assertThat(HostChecks.leaksMentioning(holder.root.toString(), "swaphold", "swapper"))
          .isEmpty();
    }
  }

  @Test
  void downRemovingVolume_whileContainerSwapsDirForSymlink_leavesHostFilesAlone() throws Exception {
    holder = Jcompose.fixture("swaphold");
    Path victim = Files.createDirectory(holder.root.resolve("victim"));
    for (int i = 0; i < FILES; i++) {
      Files.writeString(victim.resolve("f" + i), "host file");
    }
    Path volume = holder.root.resolve("data/volumes/swaphold_data/_data");
    holder.run(180, "up", "-d").assertOk();
    await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(volume.resolve("ready")));
    swapper = holder.sibling("swapper").withEnv("VICTIM", victim.toString());
    swapper.run(180, "up", "-d").assertOk();
    await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(volume.resolve("watching")));

    // the removal may give up on a directory that keeps changing; it must never reach the host
    holder.run(180, "down", "-v", "-t", "1");

    assertThat(countFiles(victim)).as("host files left in %s", victim).isEqualTo(FILES);
    // the attack did happen: the directory was swapped while the host was removing its files
    assertThat(swapper.run("logs", "--no-log-prefix").stdout()).contains("swapped");
  }

  private static long countFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }
}
