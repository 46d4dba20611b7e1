package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.ContainerFiles;
import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ContainerState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * {@link ContainerFiles} through {@code /proc/<init pid>/root}: the container's root directory as
 * the kernel shows it to the host, mounts included. Every path is opened with {@code
 * openat2(RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS)} from that root (Linux 5.6), the same guarantee
 * the shim relies on for mount targets (CVE-2021-30465 class); the last component is created with
 * {@code O_NOFOLLOW} under a directory so resolved, and a symlink found there is replaced, never
 * written through. Thread-safe.
 */
public final class ContainerFileWriter implements ContainerFiles {
  private static final long SYS_OPENAT2 = 437; // same number on x86_64 and aarch64
  private static final long RESOLVE_NO_MAGICLINKS = 0x02;
  private static final long RESOLVE_IN_ROOT = 0x10;
  private static final int O_WRONLY = 01;
  private static final int O_CREAT = 0100;
  private static final int O_TRUNC = 01000;
  private static final int O_DIRECTORY = 0200000;
  private static final int O_NOFOLLOW = 0400000;
  private static final int O_CLOEXEC = 02000000;
  private static final int O_PATH = 010000000;
  private static final int AT_REMOVEDIR = 0x200;
  private static final int ENOENT = 2;
  private static final int EEXIST = 17;
  private static final int ELOOP = 40;
  private static final int EISDIR = 21;
  private static final int ENOTEMPTY = 39;

  /** The libc calls used (x86_64/aarch64 Linux). */
  public interface LibC {
    long syscall(long number, int dirfd, String path, Pointer how, long size);

    int open(String path, int flags);

    int openat(int dirfd, String path, int flags, int mode);

    int mkdirat(int dirfd, String path, int mode);

    int unlinkat(int dirfd, String path, int flags);

    int fchmod(int fd, int mode);

    int fchown(int fd, int uid, int gid);

    long write(int fd, byte[] buf, long count);

    int close(int fd);
  }

  private static final class Holder {
    static final LibC LIBC =
        LibraryLoader.create(LibC.class).option(LibraryOption.SaveError, true).load("c");
  }

  private final LibC libc = Holder.LIBC;
  private final ContainerRuntime runtime;

  public ContainerFileWriter(ContainerRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void write(String id, Path hostFile, String containerPath, long uid, long gid) {
    int mode;
    try {
      mode = (Integer) Files.getAttribute(hostFile, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    } catch (IOException e) {
      throw new ContainerException(
          Kind.NOT_FOUND, "cannot read " + hostFile + ": " + e.getMessage(), e);
    }
    List<String> parts = components(containerPath);
    try (Fd root = root(id);
        Fd parent = dirs(root, parts.subList(0, parts.size() - 1), uid, gid, containerPath);
        Fd file = create(parent, parts.get(parts.size() - 1), mode, containerPath);
        InputStream in = Files.newInputStream(hostFile, LinkOption.NOFOLLOW_LINKS)) {
      byte[] buf = new byte[1 << 16];
      for (int n = in.read(buf); n > 0; n = in.read(buf)) {
        for (int off = 0; off < n; ) {
          long w =
              libc.write(
                  file.fd, off == 0 ? buf : java.util.Arrays.copyOfRange(buf, off, n), n - off);
          if (w < 0) {
            throw failure("write", containerPath);
          }
          off += (int) w;
        }
      }
      check(libc.fchmod(file.fd, mode), "chmod", containerPath);
      check(libc.fchown(file.fd, (int) uid, (int) gid), "chown", containerPath);
    } catch (IOException e) {
      throw new ContainerException(
          Kind.INTERNAL,
          "copy " + hostFile + " to " + id + ":" + containerPath + ": " + e.getMessage(),
          e);
    }
  }

  @Override
  public void mkdirs(String id, String containerPath, long uid, long gid) {
    try (Fd root = root(id)) {
      dirs(root, components(containerPath), uid, gid, containerPath).close();
    }
  }

  @Override
  public void delete(String id, String containerPath) {
    List<String> parts = components(containerPath);
    try (Fd root = root(id)) {
      Fd parent = resolve(root, parts.subList(0, parts.size() - 1), O_PATH | O_DIRECTORY);
      if (parent == null) {
        return;
      }
      try (parent) {
        String name = parts.get(parts.size() - 1);
        if (libc.unlinkat(parent.fd, name, 0) == 0 || errno() == ENOENT) {
          return;
        }
        if (errno() != EISDIR && libc.unlinkat(parent.fd, name, AT_REMOVEDIR) == 0) {
          return;
        }
        if (errno() == ENOENT) {
          return;
        }
        if (errno() != ENOTEMPTY && errno() != EISDIR && errno() != 1) {
          throw failure("remove", containerPath);
        }
      }
    }
    removeTree(id, containerPath);
  }

  // A non-empty directory goes through the container's own rm, as docker compose's watch does:
  // walking it from the host would need a getdents loop for what one exec does.
  private void removeTree(String id, String containerPath) {
    var session =
        runtime.exec(
            id,
            new dev.jcompose.runtime.api.ExecSpec(
                List.of("rm", "-rf", "--", containerPath), List.of(), "/", "0", false, false));
    int code;
    try {
      session.stdout().transferTo(java.io.OutputStream.nullOutputStream());
      session.stderr().transferTo(java.io.OutputStream.nullOutputStream());
      code = session.exitCode().get(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (IOException
        | java.util.concurrent.ExecutionException
        | java.util.concurrent.TimeoutException e) {
      throw new ContainerException(
          Kind.INTERNAL, "rm -rf " + containerPath + " in " + id + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContainerException(Kind.INTERNAL, "interrupted removing " + containerPath, e);
    }
    if (code != 0) {
      throw new ContainerException(
          Kind.INTERNAL, "rm -rf " + containerPath + " in " + id + " exited with " + code);
    }
  }

  /** An open file descriptor, closed once. */
  private final class Fd implements AutoCloseable {
    final int fd;

    Fd(int fd) {
      this.fd = fd;
    }

    @Override
    public void close() {
      libc.close(fd);
    }
  }

  private Fd root(String id) {
    ContainerState st =
        runtime
            .state(id)
            .orElseThrow(() -> new ContainerException(Kind.NOT_FOUND, "no such container: " + id));
    if (st.status() != ContainerState.Status.RUNNING || st.pid() <= 0) {
      throw new ContainerException(Kind.CONFLICT, "container " + id + " is not running");
    }
    int fd = libc.open("/proc/" + st.pid() + "/root", O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
      throw failure("open the root of", id);
    }
    return new Fd(fd);
  }

  /** Opens {@code parts} below the root with RESOLVE_IN_ROOT; null if a component is missing. */
  private Fd resolve(Fd root, List<String> parts, int flags) {
    String path = "/" + String.join("/", parts);
    Pointer how = Memory.allocateDirect(Runtime.getRuntime(libc), 24);
    how.putLong(0, flags | O_CLOEXEC);
    how.putLong(8, 0);
    how.putLong(16, RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS);
    long fd = libc.syscall(SYS_OPENAT2, root.fd, path, how, 24);
    if (fd < 0) {
      if (errno() == ENOENT) {
        return null;
      }
      throw failure("resolve", path);
    }
    return new Fd((int) fd);
  }

  /**
   * Opens directory {@code parts}, making what is missing (0755, uid:gid) one component at a time.
   */
  private Fd dirs(Fd root, List<String> parts, long uid, long gid, String whole) {
    for (int i = 1; i <= parts.size(); i++) {
      List<String> prefix = parts.subList(0, i);
      Fd existing = resolve(root, prefix, O_PATH | O_DIRECTORY);
      if (existing != null) {
        existing.close();
        continue;
      }
      try (Fd parent = resolve(root, parts.subList(0, i - 1), O_PATH | O_DIRECTORY)) {
        if (parent == null) {
          throw new ContainerException(
              Kind.NOT_FOUND, "cannot make " + whole + ": a parent vanished");
        }
        if (libc.mkdirat(parent.fd, parts.get(i - 1), 0755) < 0 && errno() != EEXIST) {
          throw failure("mkdir", "/" + String.join("/", prefix));
        }
      }
      try (Fd made = resolve(root, prefix, O_DIRECTORY)) {
        if (made != null) {
          libc.fchown(made.fd, (int) uid, (int) gid);
        }
      }
    }
    Fd dir = resolve(root, parts, O_PATH | O_DIRECTORY);
    if (dir == null) {
      throw new ContainerException(Kind.NOT_FOUND, "cannot make the directory of " + whole);
    }
    return dir;
  }

  private Fd create(Fd parent, String name, int mode, String whole) {
    int flags = O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC;
    int fd = libc.openat(parent.fd, name, flags, mode);
    if (fd < 0 && errno() == ELOOP) {
      // a symlink where the file goes: replace the link, never write through it
      check(libc.unlinkat(parent.fd, name, 0), "replace symlink", whole);
      fd = libc.openat(parent.fd, name, flags, mode);
    }
    if (fd < 0) {
      throw failure("create", whole);
    }
    return new Fd(fd);
  }

  private static List<String> components(String path) {
    if (!path.startsWith("/")) {
      throw new ContainerException(Kind.INVALID, "container path " + path + " is not absolute");
    }
    List<String> out = new ArrayList<>();
    for (String c : path.split("/")) {
      if (!c.isEmpty() && !c.equals(".")) {
        out.add(c);
      }
    }
    if (out.isEmpty()) {
      throw new ContainerException(Kind.INVALID, "refusing to write the container's root itself");
    }
    return out;
  }

  private int errno() {
    return Runtime.getRuntime(libc).getLastError();
  }

  private void check(int rc, String what, String path) {
    if (rc < 0) {
      throw failure(what, path);
    }
  }

  private ContainerException failure(String what, String path) {
    int e = errno();
    return new ContainerException(
        e == ENOENT ? Kind.NOT_FOUND : Kind.INTERNAL, what + " " + path + ": errno " + e);
  }
}
