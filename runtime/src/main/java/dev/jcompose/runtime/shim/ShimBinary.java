package dev.jcompose.runtime.shim;

import dev.jcompose.common.fs.AtomicFile;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The jcshim binary shipped in the jar ({@code /native/jcshim}), extracted once per content hash to
 * {@code <dataRoot>/bin/jcshim-<sha256 prefix>}: running shims keep using the file they started
 * from, and an upgraded jar never overwrites a binary in use.
 */
public final class ShimBinary {
  private static final String RESOURCE = "/native/jcshim";
  private static final Map<Path, Path> INSTALLED = new ConcurrentHashMap<>();

  private ShimBinary() {}

  /** Returns the path of the extracted binary under {@code dataRoot}, extracting it if needed. */
  public static Path install(Path dataRoot) {
    return INSTALLED.computeIfAbsent(dataRoot.toAbsolutePath(), ShimBinary::extract);
  }

  private static Path extract(Path dataRoot) {
    try (InputStream in = ShimBinary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new ContainerException(
            Kind.UNAVAILABLE, "jcshim is missing from the runtime jar (" + RESOURCE + ")");
      }
      byte[] bytes = in.readAllBytes();
      Path target = dataRoot.resolve("bin").resolve("jcshim-" + sha256(bytes).substring(0, 16));
      if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
        return target;
      }
      Files.createDirectories(target.getParent());
      AtomicFile.write(
          target,
          bytes,
          AtomicFile.Durability.SYNCED,
          PosixFilePermissions.fromString("rwxr-xr-x"));
      return target;
    } catch (IOException e) {
      throw new ContainerException(
          Kind.UNAVAILABLE, "cannot install jcshim under " + dataRoot + ": " + e.getMessage(), e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
