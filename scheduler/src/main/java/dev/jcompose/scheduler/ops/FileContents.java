package dev.jcompose.scheduler.ops;

import dev.jcompose.scheduler.convert.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * The files of inline secrets and configs, kept with the container's etc files (removed with it),
 * one per target, with the owner and mode the service asked for, as docker compose copies them into
 * the container (pkg/compose/secrets.go createTar: mode 0444 unless set, uid/gid 0 unless set).
 */
final class FileContents {
  private static final PosixFilePermission[] BITS = {
    PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_READ,
    PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_READ,
    PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_READ
  };

  private FileContents() {}

  static Path write(
      Path etcDir, String kind, String target, String content, Integer uid, Integer gid, int mode) {
    try {
      Path f = etcDir.resolve(kind + "s").resolve(Hashing.sha256Hex(target).substring(0, 16));
      Files.createDirectories(f.getParent());
      Files.writeString(f, content, StandardCharsets.UTF_8);
      Files.setAttribute(f, "unix:uid", uid == null ? 0 : uid);
      Files.setAttribute(f, "unix:gid", gid == null ? 0 : gid);
      Files.setPosixFilePermissions(f, permissions(mode));
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + kind + " for " + target, e);
    }
  }

  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    for (int i = 0; i < BITS.length; i++) {
      if ((mode & (1 << i)) != 0) {
        out.add(BITS[i]);
      }
    }
    return out;
  }
}
