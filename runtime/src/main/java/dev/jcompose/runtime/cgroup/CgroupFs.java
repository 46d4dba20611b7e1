package dev.jcompose.runtime.cgroup;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The narrow door through which the drivers touch the kernel: cgroupfs files plus SIGKILL. The real
 * implementation is {@link LinuxCgroupFs}; tests substitute a fake tree in a temp directory (the
 * mount points come from mountinfo text, so the root is injectable) and emulate the kernel's
 * behaviour behind these few calls.
 *
 * <p>All methods throw {@link dev.jcompose.runtime.api.ContainerException} naming the file.
 */
public interface CgroupFs {

  boolean exists(Path path);

  /** The file's content without the trailing newline. */
  String read(Path path);

  /** Like {@link #read} but empty when the file does not exist (optional controller files). */
  Optional<String> readIfExists(Path path);

  /** Writes {@code value} to an existing control file (never creates one: cgroupfs refuses). */
  void write(Path path, String value);

  /** Creates one directory level; an existing directory is fine. */
  void mkdir(Path dir);

  /**
   * Removes a group directory. Returns true when it is gone (or was never there), false when the
   * kernel says it is still busy (processes or child groups left), throws on anything else.
   */
  boolean rmdir(Path dir);

  /**
   * Names of the sub-directories (child groups) of {@code dir}, sorted; empty if it does not exist.
   */
  List<String> list(Path dir);

  /** Sends SIGKILL to {@code pid}; a process that is already gone is fine. */
  void kill(long pid);
}
