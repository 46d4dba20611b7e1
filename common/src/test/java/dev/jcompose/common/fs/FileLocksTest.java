package dev.jcompose.common.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLocksTest {
  @TempDir Path dir;

  @Test
  void secondThread_waitsUntilTheFirstReleases() throws Exception {
    Path file = dir.resolve("sub/x.lock");
    FileLocks.Held first = FileLocks.acquire(file);
    CompletableFuture<FileLocks.Held> second =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return FileLocks.acquire(file);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(FileLocks.tryAcquire(file)).isNull();
    Thread.sleep(100);
    assertThat(second).isNotDone();
    first.close();
    second.get(5, TimeUnit.SECONDS).close();
  }

  @Test
  void boundedWait_givesUpWithNull_thenSucceedsWhenFree() throws Exception {
    Path file = dir.resolve("y.lock");
    try (FileLocks.Held held = FileLocks.acquire(file)) {
      CompletableFuture<FileLocks.Held> other =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return FileLocks.acquire(file, Duration.ofMillis(100));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      assertThat(other.get(5, TimeUnit.SECONDS)).isNull();
    }
    try (FileLocks.Held again = FileLocks.acquire(file, Duration.ofSeconds(1))) {
      assertThat(again).isNotNull();
    }
  }
}
