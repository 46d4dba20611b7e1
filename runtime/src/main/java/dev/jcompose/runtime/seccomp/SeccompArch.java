package dev.jcompose.runtime.seccomp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The ABIs a filter can name. Several share one kernel AUDIT_ARCH value: x32 is x86_64 with bit 30
 * set in the syscall number (arch/x86/include/uapi/asm/unistd.h {@code __X32_SYSCALL_BIT}). Each
 * has its runtime-spec / docker JSON name ({@code SCMP_ARCH_X86_64}), libseccomp's name (which
 * docker's {@code includes.arches} filters use), the {@code AUDIT_ARCH_*} value the kernel puts in
 * {@code seccomp_data.arch}, and whether its arguments are 64-bit (a 32-bit ABI's filter compares
 * only the low word, as libseccomp's).
 */
public enum SeccompArch {
  X86_64("SCMP_ARCH_X86_64", "amd64", 0xC000003E, true),
  X86("SCMP_ARCH_X86", "x86", 0x40000003, false),
  X32("SCMP_ARCH_X32", "x32", 0xC000003E, true),
  AARCH64("SCMP_ARCH_AARCH64", "arm64", 0xC00000B7, true),
  ARM("SCMP_ARCH_ARM", "arm", 0x40000028, false);

  /** x32 syscall numbers carry this bit; anything at or above it is not a native x86_64 call. */
  static final long X32_BIT = 0x40000000L;

  private final String ociName;
  private final String nativeName;
  private final int audit;
  private final boolean wide;

  SeccompArch(String ociName, String nativeName, int audit, boolean wide) {
    this.ociName = ociName;
    this.nativeName = nativeName;
    this.audit = audit;
    this.wide = wide;
  }

  public String ociName() {
    return ociName;
  }

  public String nativeName() {
    return nativeName;
  }

  int audit() {
    return audit;
  }

  boolean wide() {
    return wide;
  }

  /**
   * By OCI ({@code SCMP_ARCH_X86}) or libseccomp ({@code x86}) name; empty for ABIs jcompose does
   * not know.
   */
  public static Optional<SeccompArch> byName(String name) {
    return Arrays.stream(values())
        .filter(a -> a.ociName.equals(name) || a.nativeName.equals(name))
        .findFirst();
  }

  /**
   * The ABI of this JVM's host, from {@code os.arch}; empty where jcompose has no syscall table.
   */
  public static Optional<SeccompArch> host() {
    return switch (System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64" -> Optional.of(X86_64);
      case "aarch64", "arm64" -> Optional.of(AARCH64);
      default -> Optional.empty();
    };
  }
}
