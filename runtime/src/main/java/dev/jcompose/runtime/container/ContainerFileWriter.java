package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.ContainerFiles;
import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.ExecSession;
import dev.jcompose.runtime.api.ExecSpec;
import dev.jcompose.runtime.sys.ErrnoException;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link ContainerFiles} through {@code /proc/<init pid>/root}: the container's root directory as
 * the kernel shows it to the host, mounts included. Every path is opened with {@code
 * openat2(RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS)} from that root (Linux 5.6), the same guarantee
 * the shim relies on for mount targets (CVE-2021-30465 class); the last component is created with
 * {@code O_NOFOLLOW} under a directory so resolved, and a symlink found there is replaced, never
 * written through. The system calls go through {@link NativeOps}. Thread-safe.
 */
public final class ContainerFileWriter implements ContainerFiles {
  private static final int DIR_MODE = 0755;
  private static final long RM_TIMEOUT_SECONDS = 60;
  private final NativeOps ops;
  private final ContainerRuntime runtime;

  public ContainerFileWriter(ContainerRuntime runtime) {
    this(runtime, NativeOps.real());
  }

  ContainerFileWriter(ContainerRuntime runtime, NativeOps ops) {
    this.runtime = runtime;
    this.ops = ops;
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
        Fd file = create(parent, parts.get(parts.size() - 1), mode);
        InputStream in = Files.newInputStream(hostFile, LinkOption.NOFOLLOW_LINKS)) {
      byte[] buf = new byte[1 << 16];
      for (int n = in.read(buf); n > 0; n = in.read(buf)) {
        ops.writeFully(file.fd, buf, 0, n);
      }
      ops.fchmod(file.fd, mode);
      ops.fchown(file.fd, uid, gid);
    } catch (IOException e) {
      throw failure("copy " + hostFile + " to " + id + ":" + containerPath, e);
    }
  }

  @Override
  public void mkdirs(String id, String containerPath, long uid, long gid) {
    try (Fd root = root(id)) {
      dirs(root, components(containerPath), uid, gid, containerPath).close();
    } catch (IOException e) {
      throw failure("mkdir " + id + ":" + containerPath, e);
    }
  }

  @Override
  public void delete(String id, String containerPath) {
    List<String> parts = components(containerPath);
    String name = parts.get(parts.size() - 1);
    try (Fd root = root(id)) {
      Fd parent =
          resolve(
              root, parts.subList(0, parts.size() - 1), NativeOps.O_PATH | NativeOps.O_DIRECTORY);
      if (parent == null) {
        return;
      }
      try (parent) {
        if (removedOrAbsent(parent, name)) {
          return;
        }
      }
    } catch (IOException e) {
      throw failure("remove " + id + ":" + containerPath, e);
    }
    removeTree(id, containerPath);
  }

  /** unlink, then rmdir; false only for a directory with something in it. */
  private boolean removedOrAbsent(Fd parent, String name) throws IOException {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    try {
      ops.unlinkAt(parent.fd, bytes, false);
      return true;
    } catch (ErrnoException e) {
      if (e.errno() == ErrnoException.ENOENT) {
        return true;
      }
      if (e.errno() != ErrnoException.EISDIR && e.errno() != ErrnoException.EPERM) {
        throw e;
      }
    }
    try {
      ops.unlinkAt(parent.fd, bytes, true);
      return true;
    } catch (ErrnoException e) {
      if (e.errno() == ErrnoException.ENOENT) {
        return true;
      }
      if (e.errno() == ErrnoException.ENOTEMPTY) {
        return false;
      }
      throw e;
    }
  }

  // A non-empty directory goes through the container's own rm, as docker compose's watch does:
  // walking it from the host would need a getdents loop for what one exec does.
  private void removeTree(String id, String containerPath) {
    ExecSession session =
        runtime.exec(
            id,
            new ExecSpec(
                List.of("rm", "-rf", "--", containerPath), List.of(), "/", "0", false, false));
    int code;
    try {
      session.stdout().transferTo(OutputStream.nullOutputStream());
      session.stderr().transferTo(OutputStream.nullOutputStream());
      code = session.exitCode().get(RM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (IOException | ExecutionException | TimeoutException e) {
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
      ops.close(fd);
    }
  }

  private Fd root(String id) throws IOException {
    ContainerState st =
        runtime
            .state(id)
            .orElseThrow(() -> new ContainerException(Kind.NOT_FOUND, "no such container: " + id));
    if (st.status() != ContainerState.Status.RUNNING || st.pid() <= 0) {
      throw new ContainerException(Kind.CONFLICT, "container " + id + " is not running");
    }
    return new Fd(ops.openDirectory(Path.of("/proc", Integer.toString(st.pid()), "root")));
  }

  /** Opens {@code parts} below the root with RESOLVE_IN_ROOT; null if a component is missing. */
  private Fd resolve(Fd root, List<String> parts, int flags) throws IOException {
    try {
      return new Fd(ops.openInRoot(root.fd, "/" + String.join("/", parts), flags));
    } catch (ErrnoException e) {
      if (e.errno() == ErrnoException.ENOENT) {
        return null;
      }
      throw e;
    }
  }

  /**
   * Opens directory {@code parts}, making what is missing (0755, uid:gid) one component at a time.
   */
  private Fd dirs(Fd root, List<String> parts, long uid, long gid, String whole)
      throws IOException {
    int handle = NativeOps.O_PATH | NativeOps.O_DIRECTORY;
    for (int i = 1; i <= parts.size(); i++) {
      List<String> prefix = parts.subList(0, i);
      Fd existing = resolve(root, prefix, handle);
      if (existing != null) {
        existing.close();
        continue;
      }
      try (Fd parent = resolve(root, parts.subList(0, i - 1), handle)) {
        if (parent == null) {
          throw new ContainerException(
              Kind.NOT_FOUND, "cannot make " + whole + ": a parent vanished");
        }
        ops.mkdirAt(parent.fd, parts.get(i - 1), DIR_MODE);
      }
      try (Fd made = resolve(root, prefix, NativeOps.O_DIRECTORY)) {
        if (made != null) {
          ops.fchown(made.fd, uid, gid);
        }
      }
    }
    Fd dir = resolve(root, parts, handle);
    if (dir == null) {
      throw new ContainerException(Kind.NOT_FOUND, "cannot make the directory of " + whole);
    }
    return dir;
  }

  private Fd create(Fd parent, String name, int mode) throws IOException {
    try {
      return new Fd(ops.createFileAt(parent.fd, name, mode));
    } catch (ErrnoException e) {
      if (e.errno() != ErrnoException.ELOOP) {
        throw e;
      }
      // a symlink where the file goes: replace the link, never write through it
      ops.unlinkAt(parent.fd, name.getBytes(StandardCharsets.UTF_8), false);
      return new Fd(ops.createFileAt(parent.fd, name, mode));
    }
  }

  private static List<String> components(String path) {
    if (!path.startsWith("/")) {
      throw new ContainerException(Kind.INVALID, "container path " + path + " is not absolute");
    }
    List<String> out = new ArrayList<>();
    for (String c : path.split("/", -1)) {
      if (!c.isEmpty() && !c.equals(".")) {
        out.add(c);
      }
    }
    if (out.isEmpty()) {
      throw new ContainerException(Kind.INVALID, "refusing to write the container's root itself");
    }
    return out;
  }

  private static ContainerException failure(String what, IOException e) {
    Kind kind =
        e instanceof ErrnoException s && s.errno() == ErrnoException.ENOENT
            ? Kind.NOT_FOUND
            : Kind.INTERNAL;
    return new ContainerException(kind, what + ": " + e.getMessage(), e);
  }
}
