package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ImageConfig;
import dev.jcompose.runtime.api.ImageHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A one-layer image made of the host's static busybox, so runtime tests need no registry. */
final class BusyboxImage {
  private static final Path BUSYBOX = Path.of("/bin/busybox");
  private static final List<String> APPLETS =
      List.of(
          "sh",
          "ls",
          "cat",
          "echo",
          "sleep",
          "id",
          "hostname",
          "ps",
          "seq",
          "grep",
          "wc",
          "touch",
          "ulimit",
          "mount",
          "true",
          "false",
          "head",
          "yes",
          "stat",
          "readlink",
          "pwd",
          "env",
          "printf",
          "tr",
          "cut",
          "test",
          "mkdir",
          "rm",
          "ln");

  private BusyboxImage() {}

  static ImageHandle create(Path dir) throws IOException {
    Path layer = dir.resolve("layer0");
    Files.createDirectories(layer.resolve("bin"));
    Files.createDirectories(layer.resolve("etc"));
    Files.copy(BUSYBOX, layer.resolve("bin/busybox"));
    for (String a : APPLETS) {
      Files.createSymbolicLink(layer.resolve("bin").resolve(a), Path.of("busybox"));
    }
    Files.writeString(
        layer.resolve("etc/passwd"),
        "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\n");
    Files.writeString(layer.resolve("etc/group"), "root:x:0:\napp:x:1000:\nextra:x:2000:app\n");
    ImageConfig cfg =
        new ImageConfig(
            List.of(),
            List.of("sh"),
            List.of(),
            "",
            "",
            List.of(),
            List.of(),
            null,
            Map.of(),
            null);
    return new ImageHandle("test/busybox:latest", "sha256:0", "sha256:0", List.of(layer), cfg, 0);
  }

  static boolean available() {
    return Files.isRegularFile(BUSYBOX);
  }
}
