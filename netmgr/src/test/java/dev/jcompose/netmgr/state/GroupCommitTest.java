package dev.jcompose.netmgr.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {
  @TempDir Path dir;

  @Test
  void awaitDurable_waitersDuringAWrite_shareTheNextOne() throws Exception {
    AtomicInteger writes = new AtomicInteger();
    CountDownLatch firstWriting = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    StateFile store = new StateFile(dir);
    GroupCommit commits =
        new GroupCommit(
            text -> {
              if (writes.incrementAndGet() == 1) {
                firstWriting.countDown();
                await(release);
              }
              store.write(text);
            });
    long first = commits.offer("{\"v\":1}");
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> commits.awaitDurable(first));
    assertThat(firstWriting.await(10, TimeUnit.SECONDS)).isTrue();
    List<CompletableFuture<Void>> waiters = new ArrayList<>();
    for (int i = 2; i <= 10; i++) {
      long v = commits.offer("{\"v\":" + i + "}");
      waiters.add(CompletableFuture.runAsync(() -> commits.awaitDurable(v)));
    }
    release.countDown();
    writer.get(10, TimeUnit.SECONDS);
    for (CompletableFuture<Void> w : waiters) {
      w.get(10, TimeUnit.SECONDS);
    }

    assertThat(writes.get()).isEqualTo(2);
    assertThat(Files.readString(store.file())).isEqualTo("{\"v\":10}");
  }

  @Test
  void awaitDurable_alreadyWritten_returnsWithoutWriting() {
    AtomicInteger writes = new AtomicInteger();
    StateFile store = new StateFile(dir);
    GroupCommit commits =
        new GroupCommit(
            text -> {
              writes.incrementAndGet();
              store.write(text);
            });
    long v1 = commits.offer("a");
    long v2 = commits.offer("b");
    commits.awaitDurable(v2);
    commits.awaitDurable(v1);
    commits.awaitDurable(0);

    assertThat(writes.get()).isEqualTo(1);
  }

  private static void await(CountDownLatch l) {
    try {
      l.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
