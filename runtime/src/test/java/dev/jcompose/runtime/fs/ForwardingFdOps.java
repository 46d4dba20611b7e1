package dev.jcompose.runtime.fs;

import java.nio.file.Path;
import java.util.List;

/** An {@link FdOps} passing every call on; tests override one call to inject what a racing container does. */
class ForwardingFdOps implements FdOps {
  private final FdOps delegate;

  ForwardingFdOps(FdOps delegate) {
    this.delegate = delegate;
  }

  @Override
  public int openTrusted(Path dir) throws ErrnoException {
    return delegate.openTrusted(dir);
  }

  @Override
  public int openBeneath(int dirfd, byte[] name) throws ErrnoException {
    return delegate.openBeneath(dirfd, name);
  }

  @Override
  public List<Entry> list(int fd) throws ErrnoException {
    return delegate.list(fd);
  }

  @Override
  public void unlink(int dirfd, byte[] name, boolean directory) throws ErrnoException {
    delegate.unlink(dirfd, name, directory);
  }

  @Override
  public void makeWritable(int fd) throws ErrnoException {
    delegate.makeWritable(fd);
  }

  @Override
  public void syncFileSystem(int fd) throws ErrnoException {
    delegate.syncFileSystem(fd);
  }

  @Override
  public void close(int fd) {
    delegate.close(fd);
  }
}
