package dev.jcompose.runtime.api;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * A directory tree reached from the host, read and written as tar streams as {@code docker cp}
 * does: a running container's root (as its init sees it, its mounts included) or the host's own.
 * Every path is resolved inside the tree's root, a container's symlinks followed as the container
 * would follow them but never out of that root; entries are then made and read one component at a
 * time without following any symlink, so nothing a container plants (or swaps in while a copy runs)
 * can redirect a read or write to the host. Holds a descriptor of the root: close it.
 */
public interface FileTree extends AutoCloseable {

  /** What is at {@code path} (a symlink at its end is not followed); empty when nothing is. */
  Optional<Entry> stat(String path);

  /**
   * Writes {@code path} (a directory with everything below it) as a tar stream whose entries start
   * with {@code nameInArchive} ({@code ""}: a directory's content without itself). With {@code
   * followLink} a symlink at {@code path} is followed (inside the root); with {@code
   * sameFileSystem} directories on other file systems (mounts) are written empty. Ownership, modes,
   * times, symlinks, hard links and fifos are kept.
   */
  void archive(
      String path,
      String nameInArchive,
      boolean followLink,
      boolean sameFileSystem,
      OutputStream tar);

  /**
   * Extracts a tar stream into the existing directory {@code dir}, replacing what is in the way (a
   * directory only by a directory). Entries named with {@code ..} or through a symlink are refused
   * (INVALID). Files get the archive's modes and times and, with {@code owner} null, its ownership;
   * else {@code owner}'s.
   */
  void extract(String dir, InputStream tar, Owner owner);

  @Override
  void close();

  /** The kind of what is at a path. */
  record Entry(boolean directory, boolean symlink) {}

  /** A uid:gid to give every extracted entry. */
  record Owner(long uid, long gid) {}
}
