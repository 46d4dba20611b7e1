package dev.jcompose.runtime.sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link NativeOps} for unit tests: records every call as text ({@code mknod /x 020666 1:3}), keeps
 * extended attributes in memory, and makes a device node or fifo as an empty regular file so later
 * steps find something at the path. Needs no privilege.
 */
public final class RecordingNativeOps implements NativeOps {
  public final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  private final Map<Path, Map<String, byte[]>> xattrs = new ConcurrentHashMap<>();
  private final boolean root;

  public RecordingNativeOps(boolean root) {
    this.root = root;
  }

  @Override
  public void mknod(Path path, int mode, int major, int minor) throws IOException {
    calls.add("mknod " + path + " 0" + Integer.toOctalString(mode) + " " + major + ":" + minor);
    Files.createFile(path);
  }

  @Override
  public void lchown(Path path, long uid, long gid) {
    calls.add("lchown " + path + " " + uid + ":" + gid);
  }

  @Override
  public void chmod(Path path, int mode) {
    calls.add("chmod " + path + " 0" + Integer.toOctalString(mode));
  }

  @Override
  public void lsetxattr(Path path, String name, byte[] value) {
    calls.add("lsetxattr " + path + " " + name);
    xattrs.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).put(name, value.clone());
  }

  @Override
  public void attachDeviceProgram(Path cgroup, byte[] program) {
    calls.add("attachDeviceProgram " + cgroup + " " + program.length / 8);
  }

  @Override
  public List<String> llistxattr(Path path) {
    return List.copyOf(xattrs.getOrDefault(path, Map.of()).keySet());
  }

  @Override
  public Optional<byte[]> lgetxattr(Path path, String name) {
    return Optional.ofNullable(xattrs.getOrDefault(path, Map.of()).get(name));
  }

  @Override
  public void setTimes(Path path, long epochSeconds, long nanos) {
    calls.add("utimensat " + path + " " + epochSeconds);
  }

  @Override
  public boolean canChown() {
    return root;
  }

  @Override
  public void detachMount(Path target) {
    calls.add("umount2 " + target + " MNT_DETACH");
  }

  @Override
  public void mount(String source, Path target, String fstype, long flags, String data) {
    calls.add("mount " + source + " " + target + " " + fstype + " " + flags + " " + data);
  }

  @Override
  public boolean becomeChildSubreaper() {
    calls.add("prctl PR_SET_CHILD_SUBREAPER");
    return true;
  }

  @Override
  public void awaitExitAndReap(int pid, Duration timeout) {
    calls.add("pidfd_open+poll+waitpid " + pid);
  }

  @Override
  public int openat2(int dirfd, String path, int flags, int mode, long resolve) throws IOException {
    calls.add("openat2 " + dirfd + " " + path);
    throw new IOException("openat2 is not recorded: file trees are proven by root tests");
  }

  // Directories by descriptor: the tree removal's calls are proven on real directories
  // (TreeRemoverTest); a fake could not model what they guard against.
  @Override
  public int openDirectory(Path dir) {
    throw new UnsupportedOperationException("openat2 " + dir);
  }

  @Override
  public int openDirectoryBeneath(int dirfd, byte[] name) {
    throw new UnsupportedOperationException("openat2 beneath");
  }

  @Override
  public List<DirEntry> readDirectory(int fd) {
    throw new UnsupportedOperationException("getdents64");
  }

  @Override
  public void unlinkAt(int dirfd, byte[] name, boolean directory) {
    throw new UnsupportedOperationException("unlinkat");
  }

  @Override
  public void fchmod(int fd, int mode) {
    throw new UnsupportedOperationException("fchmod");
  }

  @Override
  public void syncfs(int fd) {
    calls.add("syncfs " + fd);
  }

  @Override
  public void close(int fd) {
    calls.add("close " + fd);
  }

  // The calls below act in trees of running containers: only the root tests exercise them.

  @Override
  public int openInRoot(int rootFd, String path, int flags) {
    throw new UnsupportedOperationException("openat2 " + path);
  }

  @Override
  public int createFileAt(int dirfd, String name, int mode) {
    throw new UnsupportedOperationException("openat " + name);
  }

  @Override
  public boolean mkdirAt(int dirfd, String name, int mode) {
    throw new UnsupportedOperationException("mkdirat " + name);
  }

  @Override
  public void writeFully(int fd, byte[] buf, int off, int len) {
    throw new UnsupportedOperationException("write");
  }

  @Override
  public void fchown(int fd, long uid, long gid) {
    throw new UnsupportedOperationException("fchown");
  }
}
