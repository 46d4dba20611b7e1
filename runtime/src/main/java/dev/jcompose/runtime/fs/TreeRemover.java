package dev.jcompose.runtime.fs;

import dev.jcompose.runtime.sys.ErrnoException;
import dev.jcompose.runtime.sys.NativeOps;
import dev.jcompose.runtime.sys.NativeOps.DirEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Removes a directory tree that someone else may be changing meanwhile, e.g. a volume a running
 * container still writes to. Each directory is held open and emptied through its descriptor,
 * entries named relative to it (as Go's os.RemoveAll and rm's fts do), so a directory swapped for a
 * symlink to /etc is unlinked as a link and nothing under /etc is touched; a mount point inside the
 * tree stops the removal with an error instead of emptying the mounted file system (docker's volume
 * removal does not cross mounts either). Depth is bounded by descriptors, not by the Java stack.
 * The system calls go through {@link NativeOps}. Not thread-safe; one per removal.
 */
final class TreeRemover {
  /**
   * Listings (and type flips) of one directory before giving up: a live writer could refill it
   * forever.
   */
  private static final int MAX_CHANGES = 64;

  private final NativeOps ops;

  TreeRemover(NativeOps ops) {
    this.ops = ops;
  }

  /** An open directory being emptied: what its last listing left to descend into. */
  private static final class Dir {
    final Dir parent;
    final byte[] name;
    final int fd;
    final String path;
    final Deque<DirEntry> pending = new ArrayDeque<>();
    boolean listedEmpty;
    boolean madeWritable;
    int changes;

    Dir(Dir parent, byte[] name, int fd, String path) {
      this.parent = parent;
      this.name = name;
      this.fd = fd;
      this.path = path;
    }
  }

  /** Removes {@code root} with everything below it; a missing root is fine. */
  void remove(Path root) throws IOException {
    Path abs = root.toAbsolutePath().normalize();
    if (abs.getParent() == null) {
      throw new IOException("refusing to remove /");
    }
    int parentFd;
    try {
      parentFd = ops.openDirectory(abs.getParent());
    } catch (ErrnoException e) {
      if (e.errno() == ErrnoException.ENOENT) {
        return;
      }
      throw e;
    }
    Dir parent = new Dir(null, null, parentFd, abs.getParent().toString());
    parent.madeWritable = true; // the engine's own directory: never chmod it
    Deque<Dir> stack = new ArrayDeque<>();
    try {
      byte[] name = abs.getFileName().toString().getBytes(StandardCharsets.UTF_8);
      Dir top = open(parent, new DirEntry(name, false, false));
      if (top != null) {
        stack.push(top);
        empty(stack);
      }
    } finally {
      stack.forEach(d -> ops.close(d.fd));
      ops.close(parentFd);
    }
  }

  private void empty(Deque<Dir> stack) throws IOException {
    while (!stack.isEmpty()) {
      Dir dir = stack.peek();
      DirEntry next = dir.pending.poll();
      if (next != null) {
        Dir sub = open(dir, next);
        if (sub != null) {
          stack.push(sub);
        }
      } else if (dir.listedEmpty) {
        if (removeEmpty(dir)) {
          stack.pop();
          ops.close(dir.fd);
        }
      } else {
        refill(dir);
      }
    }
  }

  /** Lists the directory again: non-directories are unlinked at once, directories queued. */
  private void refill(Dir dir) throws IOException {
    countChange(dir);
    var entries = ops.readDirectory(dir.fd);
    dir.listedEmpty = entries.isEmpty();
    for (DirEntry e : entries) {
      if (e.typeKnown() && !e.directory()) {
        unlinkFile(dir, e.name());
      } else {
        dir.pending.add(e);
      }
    }
  }

  /**
   * rmdir through the parent's descriptor; false when entries appeared meanwhile (listed again
   * next).
   */
  private boolean removeEmpty(Dir dir) throws IOException {
    try {
      unlinkIn(dir.parent, dir.name, true);
      return true;
    } catch (ErrnoException e) {
      if (e.errno() == ErrnoException.ENOENT) {
        return true;
      }
      if (e.errno() == ErrnoException.ENOTEMPTY) {
        dir.listedEmpty = false;
        return false;
      }
      if (e.errno() == ErrnoException.ENOTDIR) {
        // renamed away and replaced by a symlink or file: remove that; the parent's next listing
        // finds the directory under its new name
        countChange(dir.parent);
        unlinkFile(dir.parent, dir.name);
        return true;
      }
      throw failure(dir.path, e);
    }
  }

  /**
   * Opens a (probable) directory entry to empty it; null when it was no directory and is gone now.
   */
  private Dir open(Dir dir, DirEntry entry) throws IOException {
    String path = dir.path + "/" + new String(entry.name(), StandardCharsets.UTF_8);
    if (!entry.typeKnown() && unlinkFile(dir, entry.name())) {
      return null;
    }
    try {
      return new Dir(dir, entry.name(), ops.openDirectoryBeneath(dir.fd, entry.name()), path);
    } catch (ErrnoException e) {
      switch (e.errno()) {
        case ErrnoException.ENOENT -> {
          return null;
        }
        case ErrnoException.ELOOP, ErrnoException.ENOTDIR -> {
          // swapped for a symlink or a file since the listing: remove that, never what it points to
          countChange(dir);
          unlinkFile(dir, entry.name());
          return null;
        }
        case ErrnoException.EXDEV ->
            throw new ErrnoException(
                "cannot remove "
                    + path
                    + ": it is a mount point (not removing what is mounted there)",
                e.errno());
        default -> throw failure(path, e);
      }
    }
  }

  /** Unlinks a non-directory; false (queued as a directory) when it turned out to be one. */
  private boolean unlinkFile(Dir dir, byte[] name) throws IOException {
    try {
      unlinkIn(dir, name, false);
      return true;
    } catch (ErrnoException e) {
      if (e.errno() == ErrnoException.ENOENT) {
        return true;
      }
      if (e.errno() == ErrnoException.EISDIR) {
        countChange(dir);
        dir.pending.add(new DirEntry(name, true, true));
        return false;
      }
      throw failure(dir.path + "/" + new String(name, StandardCharsets.UTF_8), e);
    }
  }

  /**
   * unlinkat of an entry of {@code in}; without CAP_DAC_OVERRIDE a read-only directory (layers
   * unpack 0555 ones) is made writable once and the unlink tried again.
   */
  private void unlinkIn(Dir in, byte[] name, boolean directory) throws ErrnoException {
    try {
      ops.unlinkAt(in.fd, name, directory);
    } catch (ErrnoException e) {
      boolean denied = e.errno() == ErrnoException.EACCES || e.errno() == ErrnoException.EPERM;
      if (!denied || in.madeWritable) {
        throw e;
      }
      in.madeWritable = true;
      ops.fchmod(in.fd, 0700);
      ops.unlinkAt(in.fd, name, directory);
    }
  }

  private static void countChange(Dir dir) throws ErrnoException {
    if (++dir.changes > MAX_CHANGES) {
      throw new ErrnoException(
          "cannot remove " + dir.path + ": it keeps changing (something still writes to it)",
          ErrnoException.ENOTEMPTY);
    }
  }

  private static IOException failure(String path, ErrnoException e) {
    return new ErrnoException("cannot remove " + path + ": " + e.getMessage(), e.errno());
  }
}
