package dev.jcompose.runtime.volume;

import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Device nodes and fifos of a copy-up (rare in volumes; devices need CAP_MKNOD, as docker's copy-up
 * does).
 */
final class SpecialFiles {
  private SpecialFiles() {}

  /** Creates the node through mknod(2); false for types we cannot make (sockets). */
  static boolean create(NativeOps ops, Path target, int mode, long rdev) throws IOException {
    int type = mode & NativeOps.S_IFMT;
    if (type != NativeOps.S_IFIFO && type != NativeOps.S_IFCHR && type != NativeOps.S_IFBLK) {
      return false;
    }
    ops.mknod(target, mode, (int) NativeOps.major(rdev), (int) NativeOps.minor(rdev));
    return true;
  }
}
