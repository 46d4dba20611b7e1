package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.ExitStatus;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * Waits for containers' exits by holding a "wait" request open on each monitor's socket (the
 * monitor answers, or closes, once the process is reaped and the exit file written). Works for
 * re-adopted containers because it needs nothing but the socket path. One thread watches every open
 * request with a selector: a thread blocked per running container cost ~100 KiB of the engine's RSS
 * each (its stack and the JVM's per-thread state), 2 MiB with 20 containers up.
 */
final class ExitWaiter {
  private static final long SETTLE_POLL_MS = 10;
  private static final int SETTLE_TRIES = 300;

  private record Waiting(SocketChannel channel, CompletableFuture<Void> answered) {}

  private final Queue<Waiting> added = new ConcurrentLinkedQueue<>();

  /** re-reading the state until it says EXITED happens off the selector's thread */
  private final ExecutorService settlers = Executors.newCachedThreadPool(daemon("jcshim-exit"));

  private Selector selector;

  /** {@code observe} re-reads the state; it must report EXITED once the monitor is done. */
  CompletableFuture<ExitStatus> await(ContainerDirs dirs, Supplier<ContainerState> observe) {
    ContainerState now = observe.get();
    if (now.status() == ContainerState.Status.EXITED) {
      return CompletableFuture.completedFuture(now.exit());
    }
    return request(dirs).thenApplyAsync(v -> settle(observe), settlers);
  }

  /** Completes when the monitor answers "wait" or closes the connection (or cannot be reached). */
  private CompletableFuture<Void> request(ContainerDirs dirs) {
    CompletableFuture<Void> answered = new CompletableFuture<>();
    SocketChannel ch = null;
    try {
      ch = SocketChannel.open(StandardProtocolFamily.UNIX);
      ch.connect(UnixDomainSocketAddress.of(dirs.socket()));
      ByteBuffer out = ByteBuffer.wrap("wait\n".getBytes(StandardCharsets.US_ASCII));
      while (out.hasRemaining()) {
        ch.write(out);
      }
      ch.configureBlocking(false);
      added.add(new Waiting(ch, answered));
      selector().wakeup();
    } catch (IOException e) {
      // monitor already gone: the exit file (or its absence) tells the rest
      closeQuietly(ch);
      answered.complete(null);
    }
    return answered;
  }

  private synchronized Selector selector() throws IOException {
    if (selector == null) {
      selector = Selector.open();
      daemon("jcshim-exit-wait").newThread(this::loop).start();
    }
    return selector;
  }

  private void loop() {
    ByteBuffer buf = ByteBuffer.allocate(256);
    while (true) {
      try {
        selector.select();
        for (Waiting w; (w = added.poll()) != null; ) {
          try {
            w.channel().register(selector, SelectionKey.OP_READ, w);
          } catch (IOException e) {
            closeQuietly(w.channel());
            w.answered().complete(null);
          }
        }
        for (SelectionKey key : selector.selectedKeys()) {
          Waiting w = (Waiting) key.attachment();
          if (answered(w.channel(), buf)) {
            key.cancel();
            closeQuietly(w.channel());
            w.answered().complete(null);
          }
        }
        selector.selectedKeys().clear();
      } catch (IOException | RuntimeException e) {
        // a selector that fails leaves the waits open; nothing else to do but keep serving
        sleep();
      }
    }
  }

  /** The reply line ("exit ...") arrived or the monitor closed the connection. */
  private static boolean answered(SocketChannel ch, ByteBuffer buf) {
    try {
      buf.clear();
      int n = ch.read(buf);
      return n < 0 || (n > 0 && buf.get(n - 1) == '\n');
    } catch (IOException e) {
      return true;
    }
  }

  private static ExitStatus settle(Supplier<ContainerState> observe) {
    for (int i = 0; i < SETTLE_TRIES; i++) {
      ContainerState s = observe.get();
      if (s.status() == ContainerState.Status.EXITED) {
        return s.exit();
      }
      sleep();
    }
    return StateObserver.UNKNOWN_EXIT;
  }

  private static void closeQuietly(SocketChannel ch) {
    if (ch == null) {
      return;
    }
    try {
      ch.close();
    } catch (IOException e) {
      // nothing held: the descriptor is released either way
    }
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  private static void sleep() {
    try {
      Thread.sleep(SETTLE_POLL_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
