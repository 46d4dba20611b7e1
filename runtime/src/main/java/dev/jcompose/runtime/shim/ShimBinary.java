package dev.jcompose.runtime.shim;

import dev.jcompose.common.fs.AtomicFile;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The jcshim binary shipped in the jar ({@code /native/jcshim}, with {@code jcshim.id}: its SHA-256
 * and size, written by the build), extracted once per content hash to {@code
 * <dataRoot>/bin/jcshim-<sha256 prefix>}: running shims keep using the file they started from, and
 * an upgraded jar never overwrites a binary in use.
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
    try {
      // "<sha256> <size>", written by the build beside the binary: no hashing at run time
      String[] id =
          new String(resource(RESOURCE + ".id"), StandardCharsets.US_ASCII).trim().split(" ", -1);
      if (id.length != 2 || id[0].length() < 16) {
        throw new ContainerException(
            Kind.INTERNAL, "malformed " + RESOURCE + ".id in the runtime jar");
      }
      Path target = dataRoot.resolve("bin").resolve("jcshim-" + id[0].substring(0, 16));
      if (Files.isRegularFile(target) && Files.size(target) == Long.parseLong(id[1])) {
        return target;
      }
      Files.createDirectories(target.getParent());
      AtomicFile.write(
          target,
          resource(RESOURCE),
          AtomicFile.Durability.SYNCED,
          PosixFilePermissions.fromString("rwxr-xr-x"));
      return target;
    } catch (IOException | NumberFormatException e) {
      throw new ContainerException(
          Kind.UNAVAILABLE, "cannot install jcshim under " + dataRoot + ": " + e.getMessage(), e);
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ShimBinary.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new ContainerException(
            Kind.UNAVAILABLE, "jcshim is missing from the runtime jar (" + name + ")");
      }
      return in.readAllBytes();
    }
  }
}
