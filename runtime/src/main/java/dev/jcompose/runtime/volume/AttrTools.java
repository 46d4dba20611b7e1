package dev.jcompose.runtime.volume;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link Xattrs} through getfattr(1)/setfattr(1): one getfattr run dumps a whole subtree in hex
 * ({@code -R -P -d -m - -e hex}), one {@code setfattr --restore} applies a whole dump, so a copy-up
 * costs two processes per layer, not two per file.
 */
final class AttrTools implements Xattrs {
  private static final System.Logger LOG = System.getLogger(AttrTools.class.getName());
  private static final long TIMEOUT_SECONDS = 120;

  static boolean available() {
    return Files.isExecutable(Path.of("/usr/bin/getfattr")) && Files.isExecutable(Path.of("/usr/bin/setfattr"));
  }

  @Override
  public Map<String, byte[]> get(Path path) {
    return dump(List.of("getfattr", "-h", "-d", "-m", "-", "-e", "hex", "--absolute-names", path.toString()))
        .getOrDefault(path.toAbsolutePath(), Map.of());
  }

  @Override
  public Map<Path, Map<String, byte[]>> getTree(Path top) {
    return dump(List.of("getfattr", "-R", "-P", "-h", "-d", "-m", "-", "-e", "hex", "--absolute-names", top.toString()));
  }

  @Override
  public void set(Map<Path, Map<String, byte[]>> attrs) {
    if (attrs.isEmpty()) {
      return;
    }
    try {
      Path restore = Files.createTempFile("jcompose-xattrs", ".txt");
      try {
        Files.write(restore, XattrDump.format(attrs).getBytes(StandardCharsets.UTF_8));
        Result r = run(List.of("setfattr", "-h", "--restore=" + restore));
        if (r.code != 0) {
          LOG.log(Level.WARNING, "some extended attributes were not copied: " + r.stderr.strip());
        }
      } finally {
        Files.deleteIfExists(restore);
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "extended attributes not copied: " + e.getMessage());
    }
  }

  private Map<Path, Map<String, byte[]>> dump(List<String> command) {
    try {
      // getfattr exits 1 when some file has no xattrs or vanished: its output is still complete.
      return XattrDump.parse(run(command).stdout);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot read extended attributes: " + e.getMessage());
      return new LinkedHashMap<>();
    }
  }

  private record Result(int code, String stdout, String stderr) {}

  private static Result run(List<String> command) throws IOException {
    Path err = Files.createTempFile("jcompose-attr", ".err");
    try {
      Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
      p.getOutputStream().close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      p.getInputStream().transferTo(out);
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(command.get(0) + " timed out");
      }
      return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), Files.readString(err));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      Files.deleteIfExists(err);
    }
  }

  static byte[] hex(String value) {
    return value.startsWith("0x") ? HexFormat.of().parseHex(value.substring(2)) : value.getBytes(StandardCharsets.UTF_8);
  }
}
