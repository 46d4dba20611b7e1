package dev.jcompose.runtime.seccomp;

import dev.jcompose.runtime.seccomp.RuleFilter.KernelVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The door of this package: docker's default profile and the compilation of any profile to the BPF
 * program a container's processes are confined by. Thread-safe; profiles are immutable.
 */
public final class SeccompFilters {
  private static final String DEFAULT_RULES = "/seccomp/docker-default.rules";

  private SeccompFilters() {}

  private static final class Default {
    static final SeccompProfile PROFILE = ProfileText.parse(resource(DEFAULT_RULES));
  }

  /**
   * Docker's default profile (moby profiles/seccomp default_linux.go), from jcompose's rule file.
   */
  public static SeccompProfile dockerDefault() {
    return Default.PROFILE;
  }

  /**
   * Compiles docker's default once on a background thread and drops the result: the first compile
   * in a fresh JVM takes ~0.2 s of class loading and interpretation, which an engine pays at start
   * instead of its first container's (a warm compile takes ~5 ms).
   */
  public static void warmUp() {
    Thread t =
        new Thread(
            () -> {
              try {
                compile(dockerDefault(), Set.of("CAP_CHOWN", "CAP_KILL"));
              } catch (RuntimeException e) {
                // the first container compiles again and reports what is wrong
              }
            },
            "seccomp-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /**
   * The filter for a container with bounding set {@code caps} ({@code CAP_*} names) on this host:
   * {@code struct sock_filter} instructions, 8 bytes each.
   *
   * @throws ProfileException when this host's ABI has no syscall table or the profile cannot be
   *     compiled
   */
  public static byte[] compile(SeccompProfile profile, Set<String> caps) {
    SeccompArch host =
        SeccompArch.host()
            .orElseThrow(
                () ->
                    new ProfileException(
                        "seccomp filters are not available on " + System.getProperty("os.arch")));
    return compile(profile, caps, host, hostKernel());
  }

  static byte[] compile(
      SeccompProfile profile, Set<String> caps, SeccompArch host, KernelVersion kernel) {
    return SeccompCompiler.compile(ProfileResolver.resolve(profile, caps, host, kernel));
  }

  static KernelVersion hostKernel() {
    try {
      return KernelVersion.parse(Files.readString(Path.of("/proc/sys/kernel/osrelease")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the kernel version", e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = SeccompFilters.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the runtime jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
