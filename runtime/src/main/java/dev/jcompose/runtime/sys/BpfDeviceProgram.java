package dev.jcompose.runtime.sys;

import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * {@link NativeOps#attachDeviceProgram}: bpf(2) through jnr-ffi (safe from any JVM thread: no
 * namespace or credential change): loads the program ({@code BPF_PROG_LOAD}, type {@code
 * CGROUP_DEVICE}) and attaches it to the group ({@code BPF_PROG_ATTACH}, type {@code
 * BPF_CGROUP_DEVICE}, no flags: one program per group, and a new attach replaces the old one,
 * include/uapi/linux/bpf.h). The attachment holds the program, so both fds are closed at once; the
 * program goes away with the group's rmdir.
 */
final class BpfDeviceProgram {
  private static final int BPF_PROG_LOAD = 5;
  private static final int BPF_PROG_ATTACH = 8;
  private static final int PROG_TYPE_CGROUP_DEVICE = 15;
  private static final int ATTACH_CGROUP_DEVICE = 6;
  private static final int ATTR_SIZE = 128;
  private static final int LOG_SIZE = 64 * 1024;
  private static final int O_CLOEXEC = 0x80000;

  private BpfDeviceProgram() {}

  static void attach(LibcOps.LibC libc, Path group, byte[] program) throws IOException {
    int prog = load(libc, program);
    try {
      int dir = libc.open(group.toString(), directoryFlags() | O_CLOEXEC);
      if (dir < 0) {
        throw failure(libc, "open " + group, "");
      }
      try {
        Pointer attr = zeroed(libc, ATTR_SIZE);
        attr.putInt(0, dir);
        attr.putInt(4, prog);
        attr.putInt(8, ATTACH_CGROUP_DEVICE);
        if (libc.syscall(sysBpf(), BPF_PROG_ATTACH, attr, ATTR_SIZE) < 0) {
          throw failure(libc, "attach the device program to " + group, "");
        }
      } finally {
        libc.close(dir);
      }
    } finally {
      libc.close(prog);
    }
  }

  private static int load(LibcOps.LibC libc, byte[] program) throws IOException {
    Runtime rt = Runtime.getRuntime(libc);
    Pointer insns = Memory.allocateDirect(rt, program.length);
    insns.put(0, program, 0, program.length);
    Pointer license = Memory.allocateDirect(rt, 8);
    license.putString(0, "Apache", 8, StandardCharsets.US_ASCII);
    Pointer attr = zeroed(libc, ATTR_SIZE);
    attr.putInt(0, PROG_TYPE_CGROUP_DEVICE);
    attr.putInt(4, program.length / 8);
    attr.putLong(8, insns.address());
    attr.putLong(16, license.address());
    attr.putString(48, "jcompose_dev", 16, StandardCharsets.US_ASCII);
    attr.putInt(68, ATTACH_CGROUP_DEVICE);
    // the native buffers must stay reachable while the kernel reads them
    try {
      long fd = libc.syscall(sysBpf(), BPF_PROG_LOAD, attr, ATTR_SIZE);
      if (fd >= 0) {
        return (int) fd;
      }
      Pointer log = Memory.allocateDirect(rt, LOG_SIZE); // again, with the verifier's explanation
      attr.putInt(24, 1);
      attr.putInt(28, LOG_SIZE);
      attr.putLong(32, log.address());
      libc.syscall(sysBpf(), BPF_PROG_LOAD, attr, ATTR_SIZE);
      throw failure(
          libc,
          "load the device cgroup program",
          ": " + log.getString(0, LOG_SIZE, StandardCharsets.US_ASCII).strip());
    } finally {
      Reference.reachabilityFence(insns);
      Reference.reachabilityFence(license);
    }
  }

  private static Pointer zeroed(LibcOps.LibC libc, int size) {
    Pointer p = Memory.allocateDirect(Runtime.getRuntime(libc), size);
    p.setMemory(0, size, (byte) 0);
    return p;
  }

  private static IOException failure(LibcOps.LibC libc, String what, String detail) {
    int errno = Runtime.getRuntime(libc).getLastError();
    return new IOException("cannot " + what + ": " + libc.strerror(errno) + detail);
  }

  /** SYS_bpf (arch/x86/entry/syscalls/syscall_64.tbl 321; asm-generic/unistd.h 280). */
  private static long sysBpf() throws IOException {
    return switch (System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64" -> 321;
      case "aarch64", "arm64" -> 280;
      default ->
          throw new IOException("no bpf(2) number known for " + System.getProperty("os.arch"));
    };
  }

  /** O_RDONLY | O_DIRECTORY, per architecture. */
  private static int directoryFlags() {
    return NativeOps.O_RDONLY | NativeOps.O_DIRECTORY;
  }
}
