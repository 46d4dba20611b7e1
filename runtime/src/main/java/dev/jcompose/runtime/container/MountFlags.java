package dev.jcompose.runtime.container;

/** mount(2) flag values (linux/mount.h) that the runtime puts into shim configs. */
final class MountFlags {
  static final long RDONLY = 1;
  static final long NOSUID = 2;
  static final long NODEV = 4;
  static final long NOEXEC = 8;
  static final long STRICTATIME = 1L << 24;

  private MountFlags() {}
}
