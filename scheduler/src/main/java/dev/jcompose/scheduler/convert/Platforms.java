package dev.jcompose.scheduler.convert;

import dev.jcompose.model.api.Service;
import dev.jcompose.scheduler.api.ComposeException;
import java.util.Locale;

/**
 * {@code platform}: the host's own platform runs; any other is refused, because this engine runs no
 * emulation (docker would pull that variant and rely on binfmt/qemu). Spellings are normalised as
 * containerd's platforms package does (x86_64 = amd64, aarch64 = arm64, the os defaulting to
 * linux).
 */
public final class Platforms {
  private Platforms() {}

  /** This host's platform, e.g. linux/amd64. */
  public static String host() {
    return "linux/" + arch(System.getProperty("os.arch"));
  }

  /** Throws INVALID when the service asks for a platform other than the host's. */
  public static void check(Service s) {
    String p = s.platform();
    if (p == null || p.isBlank() || matches(p, host())) {
      return;
    }
    throw new ComposeException(
        ComposeException.Kind.INVALID,
        "service \""
            + s.name()
            + "\": platform "
            + p
            + " is not supported on this host ("
            + host()
            + "): jcompose runs images of the host's platform only, without emulation");
  }

  static boolean matches(String requested, String host) {
    String[] parts = requested.trim().toLowerCase(Locale.ROOT).split("/", -1);
    String os = parts.length == 1 ? "linux" : parts[0];
    String arch = arch(parts.length == 1 ? parts[0] : parts[1]);
    String variant = parts.length > 2 ? parts[2] : "";
    return os.equals("linux")
        && host.equals("linux/" + arch)
        && (variant.isEmpty() || variant.equals("v1") || !arch.equals("amd64"));
  }

  private static String arch(String a) {
    return switch (a.toLowerCase(Locale.ROOT)) {
      case "x86_64", "x86-64", "amd64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "i386", "i686", "x86", "386" -> "386";
      default -> a.toLowerCase(Locale.ROOT);
    };
  }
}
