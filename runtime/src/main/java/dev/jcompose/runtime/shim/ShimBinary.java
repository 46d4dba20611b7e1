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
 * The native binaries shipped in the jar ({@code /native/jcshim}, and {@code /native/jcinit} for
 * {@code init: true}), extracted once per content hash to {@code <dataRoot>/bin/<name>-<sha256
 * prefix>}: running containers keep using the file they started from, and an upgraded jar never
 * overwrites a binary in use.
 */
public final class ShimBinary {
  private static final Map<String, Path> INSTALLED = new ConcurrentHashMap<>();

  private ShimBinary() {}

  /** Returns the path of the extracted jcshim under {@code dataRoot}, extracting it if needed. */
  public static Path install(Path dataRoot) {
    return installed(dataRoot, "jcshim");
  }

  /** The init bound into containers at /sbin/docker-init when they ask for one. */
  public static Path init(Path dataRoot) {
    return installed(dataRoot, "jcinit");
  }

  private static Path installed(Path dataRoot, String name) {
    return INSTALLED.computeIfAbsent(
        dataRoot.toAbsolutePath() + "\0" + name, k -> extract(dataRoot.toAbsolutePath(), name));
  }

  private static Path extract(Path dataRoot, String name) {
    String resource = "/native/" + name;
    try (InputStream in = ShimBinary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ContainerException(
            Kind.UNAVAILABLE, name + " is missing from the runtime jar (" + resource + ")");
      }
      byte[] bytes = in.readAllBytes();
      Path target = dataRoot.resolve("bin").resolve(name + "-" + sha256(bytes).substring(0, 16));
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
          Kind.UNAVAILABLE,
          "cannot install " + name + " under " + dataRoot + ": " + e.getMessage(),
          e);
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
