package dev.jcompose.cli.door;

import dev.jcompose.cli.JcomposeCli;
import dev.jcompose.cli.console.Invocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's side of the door: {@code <runRoot>/door} (0700, root's like the engine socket),
 * where a thin client ({@link ThinMain}) renames its request file in and polls for the reply file.
 * An inotify watch (the JDK's WatchService) hands each request to a worker, which runs the hosted
 * verb ({@link HostedVerbs}) with {@link JcomposeCli#execute(Invocation, String...)} on the
 * caller's argv, environment and working directory, records stdout and stderr in the order written,
 * and renames the reply in. The JVM is warm, so a hosted verb costs a few milliseconds here instead
 * of a cold CLI's hundred.
 *
 * <p>A request is claimed by renaming it (a client that gave up may have taken it back); a reply
 * nobody fetched (its client died) and a half-written request are swept after a minute. The door
 * starts empty with every engine and is removed when the engine stops.
 */
public final class DoorServer implements AutoCloseable {
  private static final int WORKERS = 4;
  private static final long STALE_MILLIS = 60_000;
  private static final String CLAIMED = ".work";

  private final Path door;
  private final String identity;
  private final WatchService watch;
  private final ExecutorService workers;
  private final Thread watcher;
  private final AtomicLong lastSweep = new AtomicLong();

  private DoorServer(Path door, String identity) throws IOException {
    this.door = door;
    this.identity = identity;
    this.watch = door.getFileSystem().newWatchService();
    door.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            WORKERS,
            r -> {
              Thread t = new Thread(r, "door-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.watcher = new Thread(this::watchLoop, "door-watch");
    watcher.setDaemon(true);
  }

  /**
   * Opens a fresh door at {@code door} for the process {@code pid}, answering only clients of the
   * build {@code identity} ({@link DoorWire#identity}).
   */
  public static DoorServer open(Path door, String identity, long pid) throws IOException {
    removeTree(door);
    Files.createDirectories(door.getParent());
    Files.createDirectory(
        door, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    DoorServer server = new DoorServer(door, identity);
    Path tmp = door.resolve(DoorWire.PID + DoorWire.TMP);
    Files.writeString(tmp, pid + "\n", StandardCharsets.US_ASCII);
    Files.move(tmp, door.resolve(DoorWire.PID), StandardCopyOption.ATOMIC_MOVE);
    server.watcher.start();
    return server;
  }

  private void watchLoop() {
    try {
      while (true) {
        WatchKey key = watch.take();
        for (WatchEvent<?> e : key.pollEvents()) {
          if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
            scan();
          } else if (e.context() instanceof Path name
              && name.toString().endsWith(DoorWire.REQUEST)) {
            submit(name.toString());
          }
        }
        key.reset();
      }
    } catch (ClosedWatchServiceException | InterruptedException e) {
      // closed: the engine stops
    } catch (IOException e) {
      // the door is gone (removed under the engine): clients fall back to the full CLI
    }
  }

  /** After an overflow of inotify's queue: every request in the door. */
  private void scan() throws IOException {
    try (DirectoryStream<Path> all = Files.newDirectoryStream(door, "*" + DoorWire.REQUEST)) {
      for (Path p : all) {
        submit(p.getFileName().toString());
      }
    }
  }

  private void submit(String requestName) {
    workers.execute(() -> serve(requestName));
  }

  private void serve(String requestName) {
    String name = requestName.substring(0, requestName.length() - DoorWire.REQUEST.length());
    Path claimed = door.resolve(name + CLAIMED);
    byte[] data;
    try {
      Files.move(door.resolve(requestName), claimed, StandardCopyOption.ATOMIC_MOVE);
      data = Files.readAllBytes(claimed);
      Files.delete(claimed);
    } catch (NoSuchFileException e) {
      return; // taken back by its client, or claimed by another worker
    } catch (IOException e) {
      return;
    }
    DoorWire.Reply reply;
    try {
      reply = answer(DoorWire.decodeRequest(data));
    } catch (IOException | RuntimeException e) {
      reply = DoorWire.Reply.notHosted();
    }
    try {
      Path tmp = door.resolve(name + DoorWire.REPLY + DoorWire.TMP);
      Files.write(tmp, DoorWire.encode(reply));
      Files.move(tmp, door.resolve(name + DoorWire.REPLY), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // the door is gone: the client's deadline or its engine check sends it to the full CLI
    }
    sweep();
  }

  /** Runs a hosted verb for a client; a command line that is not hosted is sent back. */
  DoorWire.Reply answer(DoorWire.Request request) {
    if (!request.identity().equals(identity) || HostedVerbs.verb(request.argv()) == null) {
      return DoorWire.Reply.notHosted();
    }
    Recorder recorder = new Recorder();
    PrintStream out = new PrintStream(recorder.stream(1), false, charset(request.stdoutCharset()));
    PrintStream err = new PrintStream(recorder.stream(2), false, charset(request.stderrCharset()));
    Invocation invocation = Invocation.hosted(out, err, request.env(), Path.of(request.cwd()));
    int code = JcomposeCli.execute(invocation, request.argv().toArray(new String[0]));
    out.flush();
    err.flush();
    return new DoorWire.Reply(true, code, recorder.output());
  }

  private static Charset charset(String name) {
    try {
      return Charset.forName(name);
    } catch (RuntimeException e) {
      return StandardCharsets.UTF_8;
    }
  }

  /**
   * Replies nobody fetched and requests never finished, older than a minute: at most every 10 s.
   */
  private void sweep() {
    long now = System.currentTimeMillis();
    long last = lastSweep.get();
    if (now - last < 10_000 || !lastSweep.compareAndSet(last, now)) {
      return;
    }
    FileTime cutoff = FileTime.fromMillis(now - STALE_MILLIS);
    try (DirectoryStream<Path> all = Files.newDirectoryStream(door)) {
      for (Path p : all) {
        String n = p.getFileName().toString();
        if (!n.equals(DoorWire.PID)
            && (n.endsWith(DoorWire.REPLY) || n.endsWith(DoorWire.TMP) || n.endsWith(CLAIMED))
            && Files.getLastModifiedTime(p).compareTo(cutoff) < 0) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      // best effort: the next request sweeps again
    }
  }

  @Override
  public void close() throws IOException {
    watch.close();
    workers.shutdownNow();
    try {
      workers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    removeTree(door);
  }

  /** The door holds only files: its entries, then itself. */
  private static void removeTree(Path door) throws IOException {
    if (!Files.isDirectory(door)) {
      Files.deleteIfExists(door);
      return;
    }
    try (DirectoryStream<Path> all = Files.newDirectoryStream(door)) {
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(door);
  }

  /** stdout and stderr as written: consecutive writes to one stream are one chunk. */
  private static final class Recorder {
    private final List<DoorWire.Output> chunks = new ArrayList<>();
    private ByteArrayOutputStream current;
    private int currentFd;

    OutputStream stream(int fd) {
      return new OutputStream() {
        @Override
        public void write(int b) {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          append(fd, b, off, len);
        }
      };
    }

    private synchronized void append(int fd, byte[] b, int off, int len) {
      if (current == null || currentFd != fd) {
        closeChunk();
        current = new ByteArrayOutputStream();
        currentFd = fd;
      }
      current.write(b, off, len);
    }

    private void closeChunk() {
      if (current != null && current.size() > 0) {
        chunks.add(new DoorWire.Output(currentFd, current.toByteArray()));
      }
      current = null;
    }

    synchronized List<DoorWire.Output> output() {
      closeChunk();
      return List.copyOf(chunks);
    }
  }
}
