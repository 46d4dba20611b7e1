package dev.jcompose.scheduler.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UnixConnectionTest {
  @TempDir Path dir;
  private ServerSocketChannel silentServer;
  private final List<SocketChannel> accepted = new ArrayList<>();

  @BeforeEach
  void listen() throws IOException {
    silentServer = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    silentServer.bind(UnixDomainSocketAddress.of(dir.resolve("silent.sock")));
  }

  @AfterEach
  void stop() throws IOException {
    for (SocketChannel c : accepted) {
      c.close();
    }
    silentServer.close();
  }

  @Test
  void closeFromAnotherThread_abortsTheReadAsAClose_neverAsATimeout() throws Exception {
    // The close races the reader's wake-up; many rounds make the losing interleaving likely.
    for (int round = 0; round < 200; round++) {
      UnixConnection c = open(Duration.ofSeconds(30));
      CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> readError(c));
      if (round % 2 == 0) {
        Thread.sleep(1);
      }
      c.close();

      assertThat(reader.get(10, TimeUnit.SECONDS))
          .as("round %d", round)
          .isInstanceOf(ClosedChannelException.class);
    }
  }

  @Test
  void silentPeer_timesOutAfterTheIdleLimit() throws Exception {
    try (UnixConnection c = open(Duration.ofMillis(200))) {
      assertThatThrownBy(() -> c.read(new byte[1], 0, 1))
          .isInstanceOf(SocketTimeoutException.class)
          .hasMessageContaining("200 ms");
    }
  }

  private UnixConnection open(Duration readTimeout) throws IOException {
    UnixConnection c =
        UnixConnection.open(dir.resolve("silent.sock"), Duration.ofSeconds(5), readTimeout);
    accepted.add(silentServer.accept());
    return c;
  }

  private static Throwable readError(UnixConnection c) {
    try {
      c.read(new byte[1], 0, 1);
      return null;
    } catch (IOException e) {
      return e;
    }
  }
}
