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
 * The native binaries shipped in the jar ({@code /native/jcshim}, and {@code /native/jcinit} for
 * {@code init: true}), each with {@code <name>.id}: its SHA-256 and size, written by the build,
 * extracted once per content hash to {@code <dataRoot>/bin/<name>-<sha256 prefix>}: running
 * containers keep using the file they started from, and an upgraded jar never overwrites a binary
 * in use.
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
    try {
      // "<sha256> <size>", written by the build beside the binary: no hashing at run time
      String[] id =
          new String(resource(resource + ".id"), StandardCharsets.US_ASCII).trim().split(" ", -1);
      if (id.length != 2 || id[0].length() < 16) {
        throw new ContainerException(
            Kind.INTERNAL, "malformed " + resource + ".id in the runtime jar");
      }
      Path target = dataRoot.resolve("bin").resolve(name + "-" + id[0].substring(0, 16));
      if (Files.isRegularFile(target) && Files.size(target) == Long.parseLong(id[1])) {
        return target;
      }
      Files.createDirectories(target.getParent());
      AtomicFile.write(
          target,
          resource(resource),
          AtomicFile.Durability.SYNCED,
          PosixFilePermissions.fromString("rwxr-xr-x"));
      return target;
    } catch (IOException | NumberFormatException e) {
      throw new ContainerException(
          Kind.UNAVAILABLE,
          "cannot install " + name + " under " + dataRoot + ": " + e.getMessage(),
          e);
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ShimBinary.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new ContainerException(Kind.UNAVAILABLE, name + " is missing from the runtime jar");
      }
      return in.readAllBytes();
    }
  }
}
