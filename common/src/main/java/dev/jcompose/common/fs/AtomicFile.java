package dev.jcompose.common.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file so that a reader sees the old content or the new one, never a torn one: a temp
 * file in the same directory (a rename is atomic only within one file system, POSIX rename(2)),
 * written, optionally fsynced, renamed over the target. The one implementation of this habit.
 */
public final class AtomicFile {
  /** Whether the new content must survive a crash of the machine. */
  public enum Durability {
    /** fsync the file before the rename and the directory after it (state on disk). */
    SYNCED,
    /** no fsync: for files under the run root, a tmpfs that a reboot empties anyway. */
    UNSYNCED
  }

  private AtomicFile() {}

  /** Durable replace of {@code target} with {@code data}. */
  public static void write(Path target, byte[] data) throws IOException {
    write(target, data, Durability.SYNCED, null);
  }

  public static void write(Path target, byte[] data, Durability durability) throws IOException {
    write(target, data, durability, null);
  }

  /** Owner read/write only: for files that hold a container's environment (passwords, tokens). */
  public static final Set<PosixFilePermission> PRIVATE =
      PosixFilePermissions.fromString("rw-------");

  /**
   * Replaces {@code target}, giving the new file {@code permissions} before it appears.
   *
   * @param permissions the new file's mode, null = the process's default; the temp file is created
   *     with it (never readable more widely, not even before the chmod that makes it exact)
   */
  public static void write(
      Path target, byte[] data, Durability durability, Set<PosixFilePermission> permissions)
      throws IOException {
    // unique per process and thread: concurrent writers of one target never share a temp file
    Path tmp =
        target.resolveSibling(
            "."
                + target.getFileName()
                + ".tmp-"
                + ProcessHandle.current().pid()
                + "-"
                + Thread.currentThread().getId());
    try {
      // a leftover of a killed writer keeps its mode; a new file takes ours
      Files.deleteIfExists(tmp);
      try (FileChannel ch = open(tmp, permissions)) {
        ByteBuffer buf = ByteBuffer.wrap(data);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        if (durability == Durability.SYNCED) {
          ch.force(true);
        }
      }
      if (permissions != null) {
        Files.setPosixFilePermissions(tmp, permissions);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    if (durability == Durability.SYNCED) {
      fsyncDirectory(target.toAbsolutePath().getParent());
    }
  }

  private static FileChannel open(Path tmp, Set<PosixFilePermission> permissions)
      throws IOException {
    Set<StandardOpenOption> options =
        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return permissions == null
        ? FileChannel.open(tmp, options)
        : FileChannel.open(tmp, options, PosixFilePermissions.asFileAttribute(permissions));
  }

  /** Makes a rename durable: the directory entry lives in the directory (POSIX fsync(2)). */
  public static void fsyncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some file systems refuse fsync on a directory; the rename is still atomic.
    }
  }
}
