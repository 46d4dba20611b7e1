package dev.jcompose.runtime.seccomp;

import java.util.Locale;

/**
 * What the kernel does with a matched syscall, as a {@code SECCOMP_RET_*} value
 * (include/uapi/linux/seccomp.h). {@code data} is the errno of ERRNO and the tracer's value of
 * TRACE.
 */
public record SeccompAction(Kind kind, int data) {
  /**
   * The actions of docker's JSON ({@code SCMP_ACT_*}); NOTIFY needs an agent jcompose does not run.
   */
  public enum Kind {
    KILL_THREAD(0x00000000),
    KILL_PROCESS(0x80000000),
    TRAP(0x00030000),
    ERRNO(0x00050000),
    TRACE(0x7ff00000),
    LOG(0x7ffc0000),
    ALLOW(0x7fff0000);

    private final int base;

    Kind(int base) {
      this.base = base;
    }
  }

  static final int EPERM = 1;
  static final int ENOSYS = 38;

  public static final SeccompAction ALLOW = new SeccompAction(Kind.ALLOW, 0);

  public static SeccompAction errno(int errno) {
    return new SeccompAction(Kind.ERRNO, errno);
  }

  /** The 32-bit value a filter returns. */
  int ret() {
    return kind.base | (data & 0xffff);
  }

  /** Lets the syscall run (runc adds no ENOSYS stub to a filter whose default is one of these). */
  boolean permissive() {
    return kind == Kind.ALLOW || kind == Kind.LOG || kind == Kind.TRACE;
  }

  /**
   * Docker's action name ({@code SCMP_ACT_ERRNO}) with its {@code errnoRet} (null = EPERM, as
   * runc). SCMP_ACT_KILL is KILL_THREAD, as in libseccomp.
   */
  static SeccompAction parseOci(String name, Integer errnoRet) {
    String n = name.toUpperCase(Locale.ROOT);
    int errno = errnoRet == null ? EPERM : errnoRet;
    return switch (n) {
      case "SCMP_ACT_ALLOW" -> ALLOW;
      case "SCMP_ACT_ERRNO" -> errno(errno);
      case "SCMP_ACT_KILL", "SCMP_ACT_KILL_THREAD" -> new SeccompAction(Kind.KILL_THREAD, 0);
      case "SCMP_ACT_KILL_PROCESS" -> new SeccompAction(Kind.KILL_PROCESS, 0);
      case "SCMP_ACT_TRAP" -> new SeccompAction(Kind.TRAP, 0);
      case "SCMP_ACT_TRACE" -> new SeccompAction(Kind.TRACE, errno);
      case "SCMP_ACT_LOG" -> new SeccompAction(Kind.LOG, 0);
      case "SCMP_ACT_NOTIFY" ->
          throw new ProfileException(
              "action SCMP_ACT_NOTIFY needs a seccomp agent; jcompose has none");
      default -> throw new ProfileException("unknown seccomp action \"" + name + "\"");
    };
  }
}
