package dev.jcompose.scheduler.watch;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * File events under some roots, through the JDK's WatchService (inotify on Linux), every directory
 * below a root registered (new ones as they appear, their files reported as created), debounced: a
 * batch is delivered once no event came for the quiet period (docker compose waits the same way),
 * each path once with its last state. Event queue overflows become a rescan of the roots. One
 * thread; {@link #close} ends it.
 */
public final class FileWatcher implements AutoCloseable {
  private final List<Path> roots;
  private final Consumer<List<FileChange>> batches;
  private final Duration quiet;
  private final WatchService ws;
  private final Map<WatchKey, Path> dirs = new LinkedHashMap<>();
  private final Map<Path, Boolean> pending = new LinkedHashMap<>();
  private final Thread thread;
  private volatile boolean closed;

  public FileWatcher(List<Path> roots, Duration quiet, Consumer<List<FileChange>> batches)
      throws IOException {
    this.roots = roots.stream().map(Path::toAbsolutePath).map(Path::normalize).toList();
    this.quiet = quiet;
    this.batches = batches;
    this.ws = FileSystems.getDefault().newWatchService();
    for (Path r : this.roots) {
      registerTree(Files.isDirectory(r) ? r : r.getParent(), false);
    }
    this.thread = new Thread(this::loop, "jcompose-watch");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  private void registerTree(Path top, boolean reportFiles) throws IOException {
    if (top == null || !Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        top,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            dirs.put(
                dir.register(
                    ws,
                    StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_DELETE,
                    StandardWatchEventKinds.ENTRY_MODIFY),
                dir);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (reportFiles) {
              note(file, false);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException exc) {
            return FileVisitResult.CONTINUE; // vanished meanwhile
          }
        });
  }

  private void loop() {
    try {
      while (!closed) {
        WatchKey key = ws.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
        if (key == null) {
          flush();
          continue;
        }
        drain(key);
      }
    } catch (ClosedWatchServiceException | InterruptedException e) {
      // closed
    }
  }

  private void drain(WatchKey key) {
    Path dir = dirs.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
        rescan();
        continue;
      }
      Path path = dir.resolve((Path) event.context());
      if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE) {
        note(path, true);
      } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
          try {
            registerTree(path, true);
          } catch (IOException e) {
            // gone again
          }
        }
      } else {
        note(path, false);
      }
    }
    if (!key.reset()) {
      dirs.remove(key);
    }
  }

  private void rescan() {
    for (Path r : roots) {
      try {
        registerTree(Files.isDirectory(r) ? r : r.getParent(), true);
      } catch (IOException e) {
        // a root that vanished reports nothing
      }
    }
  }

  private void note(Path path, boolean deleted) {
    if (roots.stream().anyMatch(path::startsWith)) {
      pending.remove(path);
      pending.put(path, deleted); // keeps the order of last change
    }
  }

  private void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<FileChange> batch = new ArrayList<>();
    pending.forEach((p, deleted) -> batch.add(new FileChange(p, deleted)));
    pending.clear();
    try {
      batches.accept(batch);
    } catch (RuntimeException e) {
      System.getLogger(FileWatcher.class.getName())
          .log(System.Logger.Level.WARNING, "watch action failed: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      ws.close();
    } catch (IOException e) {
      // closing anyway
    }
    thread.interrupt();
  }
}
