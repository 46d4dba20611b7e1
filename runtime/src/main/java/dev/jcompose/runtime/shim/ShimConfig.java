package dev.jcompose.runtime.shim;

import dev.jcompose.common.fs.AtomicFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The configuration jcshim executes, in its record format: {@code <key> SP <length> LF <bytes> LF}.
 * Keys may repeat (lists); a value's fields are separated by NUL bytes. Length-prefixed so that no
 * value needs escaping and the C parser stays trivial. Append-only; encode once.
 */
public final class ShimConfig {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);

  /** Appends one record whose fields are joined by NUL; fields must not contain NUL themselves. */
  public ShimConfig put(String key, String... fields) {
    checkedKey(key);
    for (String f : fields) {
      if (f.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("config value for '" + key + "' contains a NUL byte");
      }
    }
    byte[] value = String.join("\0", fields).getBytes(StandardCharsets.UTF_8);
    out.writeBytes((key + " " + value.length + "\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(value);
    out.write('\n');
    return this;
  }

  /**
   * Appends one record holding raw bytes (any byte, NUL included: the length prefix delimits it).
   */
  public ShimConfig putBytes(String key, byte[] value) {
    out.writeBytes((checkedKey(key) + " " + value.length + "\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(value);
    out.write('\n');
    return this;
  }

  public ShimConfig put(String key, long value) {
    return put(key, Long.toString(value));
  }

  public ShimConfig putAll(String key, List<String> values) {
    values.forEach(v -> put(key, v));
    return this;
  }

  private static String checkedKey(String key) {
    if (key.isEmpty() || key.indexOf(' ') >= 0 || key.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("bad config key '" + key + "'");
    }
    return key;
  }

  public byte[] encode() {
    return out.toByteArray();
  }

  /**
   * Writes the config to {@code file} atomically (temp file, rename; no fsync: it is read at once),
   * owner-only: it holds the process's environment.
   */
  public void writeTo(Path file) throws IOException {
    AtomicFile.write(file, encode(), AtomicFile.Durability.UNSYNCED, AtomicFile.PRIVATE);
  }
}
