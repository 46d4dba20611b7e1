package dev.jcompose.runtime.sys;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A {@link NativeOps} passing every call on to another: tests override one call to count it or to
 * do, just before it, what a racing container would do.
 */
public class ForwardingNativeOps implements NativeOps {
  private final NativeOps delegate;

  public ForwardingNativeOps(NativeOps delegate) {
    this.delegate = delegate;
  }

  @Override
  public void mknod(Path path, int mode, int major, int minor) throws IOException {
    delegate.mknod(path, mode, major, minor);
  }

  @Override
  public void lchown(Path path, long uid, long gid) throws IOException {
    delegate.lchown(path, uid, gid);
  }

  @Override
  public void chmod(Path path, int mode) throws IOException {
    delegate.chmod(path, mode);
  }

  @Override
  public void lsetxattr(Path path, String name, byte[] value) throws IOException {
    delegate.lsetxattr(path, name, value);
  }

  @Override
  public List<String> llistxattr(Path path) throws IOException {
    return delegate.llistxattr(path);
  }

  @Override
  public Optional<byte[]> lgetxattr(Path path, String name) throws IOException {
    return delegate.lgetxattr(path, name);
  }

  @Override
  public void setTimes(Path path, long epochSeconds, long nanos) throws IOException {
    delegate.setTimes(path, epochSeconds, nanos);
  }

  @Override
  public void attachDeviceProgram(Path cgroup, byte[] program) throws IOException {
    delegate.attachDeviceProgram(cgroup, program);
  }

  @Override
  public boolean canChown() {
    return delegate.canChown();
  }

  @Override
  public void detachMount(Path target) throws IOException {
    delegate.detachMount(target);
  }

  @Override
  public void mount(String source, Path target, String fstype, long flags, String data)
      throws IOException {
    delegate.mount(source, target, fstype, flags, data);
  }

  @Override
  public boolean becomeChildSubreaper() {
    return delegate.becomeChildSubreaper();
  }

  @Override
  public void awaitExitAndReap(int pid, Duration timeout) {
    delegate.awaitExitAndReap(pid, timeout);
  }

  @Override
  public int openat2(int dirfd, String path, int flags, int mode, long resolve) throws IOException {
    return delegate.openat2(dirfd, path, flags, mode, resolve);
  }

  @Override
  public int openDirectory(Path dir) throws ErrnoException {
    return delegate.openDirectory(dir);
  }

  @Override
  public int openDirectoryBeneath(int dirfd, byte[] name) throws ErrnoException {
    return delegate.openDirectoryBeneath(dirfd, name);
  }

  @Override
  public List<DirEntry> readDirectory(int fd) throws ErrnoException {
    return delegate.readDirectory(fd);
  }

  @Override
  public void unlinkAt(int dirfd, byte[] name, boolean directory) throws ErrnoException {
    delegate.unlinkAt(dirfd, name, directory);
  }

  @Override
  public void fchmod(int fd, int mode) throws ErrnoException {
    delegate.fchmod(fd, mode);
  }

  @Override
  public void syncfs(int fd) throws ErrnoException {
    delegate.syncfs(fd);
  }

  @Override
  public void close(int fd) {
    delegate.close(fd);
  }

  @Override
  public int openInRoot(int rootFd, String path, int flags) throws ErrnoException {
    return delegate.openInRoot(rootFd, path, flags);
  }

  @Override
  public int createFileAt(int dirfd, String name, int mode) throws ErrnoException {
    return delegate.createFileAt(dirfd, name, mode);
  }

  @Override
  public boolean mkdirAt(int dirfd, String name, int mode) throws ErrnoException {
    return delegate.mkdirAt(dirfd, name, mode);
  }

  @Override
  public void writeFully(int fd, byte[] buf, int off, int len) throws ErrnoException {
    delegate.writeFully(fd, buf, off, len);
  }

  @Override
  public void fchown(int fd, long uid, long gid) throws ErrnoException {
    delegate.fchown(fd, uid, gid);
  }
}
