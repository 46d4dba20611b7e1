package dev.jcompose.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.ExitStatus;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ExitWaiter against stand-in monitors (a unix socket that reads "wait" and answers or closes):
 * many waits at once on its one thread, each completed by its own monitor.
 */
class ExitWaiterTest {
  @TempDir Path tmp;

  @Test
  void manyWaits_eachCompletesWhenItsMonitorAnswersOrCloses() throws Exception {
    ExitWaiter waiter = new ExitWaiter();
    List<ServerSocketChannel> monitors = new ArrayList<>();
    List<AtomicReference<ContainerState>> states = new ArrayList<>();
    List<CompletableFuture<ExitStatus>> waits = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ContainerDirs dirs = new ContainerDirs(tmp.resolve("data" + i), tmp.resolve("run" + i));
      Files.createDirectories(dirs.run());
      ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(dirs.socket()));
      monitors.add(server);
      AtomicReference<ContainerState> state =
          new AtomicReference<>(state(ContainerState.Status.RUNNING, null));
      states.add(state);
      waits.add(waiter.await(dirs, state::get));
    }
    for (int i = 0; i < 8; i++) {
      try (SocketChannel client = monitors.get(i).accept()) {
        ByteBuffer in = ByteBuffer.allocate(16);
        while (in.position() < 5) {
          client.read(in);
        }
        assertThat(new String(in.array(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("wait\n");
        assertThat(waits.get(i)).isNotDone();
        states.get(i).set(state(ContainerState.Status.EXITED, new ExitStatus(i, 0, false)));
        if (i % 2 == 0) {
          client.write(ByteBuffer.wrap(("exit " + i + " 0\n").getBytes(StandardCharsets.US_ASCII)));
        } // odd ones: the monitor just closes
      }
      assertThat(waits.get(i).get(10, TimeUnit.SECONDS).exitCode()).isEqualTo(i);
    }
    for (ServerSocketChannel s : monitors) {
      s.close();
    }
  }

  @Test
  void noMonitor_settlesOnTheStateAlone() throws Exception {
    ContainerDirs dirs = new ContainerDirs(tmp.resolve("gone"), tmp.resolve("gone-run"));
    AtomicReference<ContainerState> state =
        new AtomicReference<>(state(ContainerState.Status.RUNNING, null));
    CompletableFuture<ExitStatus> wait =
        new ExitWaiter()
            .await(
                dirs,
                () -> {
                  ContainerState s = state.get();
                  state.set(state(ContainerState.Status.EXITED, new ExitStatus(3, 0, false)));
                  return s;
                });
    assertThat(wait.get(10, TimeUnit.SECONDS).exitCode()).isEqualTo(3);
  }

  private static ContainerState state(ContainerState.Status status, ExitStatus exit) {
    Instant t = Instant.EPOCH;
    return new ContainerState("c", status, 1, null, null, t, t, t, exit, Map.of());
  }
}
