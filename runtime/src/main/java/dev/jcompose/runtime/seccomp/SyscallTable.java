package dev.jcompose.runtime.seccomp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Syscall name -> number for one ABI, from {@code /seccomp/syscalls-<arch>.txt} (kernel uapi
 * numbers, see scripts/gen-syscall-tables.sh). Immutable; loaded once per ABI.
 */
final class SyscallTable {
  private static final Map<SeccompArch, Optional<SyscallTable>> CACHE =
      new EnumMap<>(SeccompArch.class);

  private final Map<String, Long> numbers;

  private SyscallTable(Map<String, Long> numbers) {
    this.numbers = Map.copyOf(numbers);
  }

  /** The table of {@code arch}, or empty when jcompose ships none (32-bit arm). */
  static synchronized Optional<SyscallTable> of(SeccompArch arch) {
    return CACHE.computeIfAbsent(arch, SyscallTable::load);
  }

  OptionalLong number(String name) {
    Long n = numbers.get(name);
    return n == null ? OptionalLong.empty() : OptionalLong.of(n);
  }

  private static Optional<SyscallTable> load(SeccompArch arch) {
    String resource = "/seccomp/syscalls-" + resourceName(arch) + ".txt";
    try (InputStream in = SyscallTable.class.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      Map<String, Long> numbers = new HashMap<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n", -1)) {
        String[] f = line.trim().split(" ", -1);
        if (f.length == 2) {
          numbers.put(f[0], Long.parseLong(f[1]));
        }
      }
      return Optional.of(new SyscallTable(numbers));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static String resourceName(SeccompArch arch) {
    return switch (arch) {
      case X86_64 -> "x86_64";
      case X86 -> "x86";
      case X32 -> "x32";
      case AARCH64 -> "aarch64";
      case ARM -> "arm";
    };
  }
}
