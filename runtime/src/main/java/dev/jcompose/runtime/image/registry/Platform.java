package dev.jcompose.runtime.image.registry;

/**
 * An OCI platform ({@code os}, {@code architecture}, optional {@code variant}) in Go's GOARCH
 * spelling, as index entries carry it.
 */
public record Platform(String os, String architecture, String variant) {

  /** The platform this JVM runs on: linux plus the JVM's arch mapped to GOARCH. */
  public static Platform host() {
    String arch = System.getProperty("os.arch");
    return switch (arch) {
      case "amd64", "x86_64" -> new Platform("linux", "amd64", null);
      // The image spec says arm64 images default to variant v8.
      case "aarch64", "arm64" -> new Platform("linux", "arm64", "v8");
      case "arm" -> new Platform("linux", "arm", "v7");
      default -> new Platform("linux", arch, null);
    };
  }

  @Override
  public String toString() {
    return os + "/" + architecture + (variant != null ? "/" + variant : "");
  }
}
