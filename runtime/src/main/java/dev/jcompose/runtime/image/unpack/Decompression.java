package dev.jcompose.runtime.image.unpack;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Opens a layer blob as an uncompressed tar stream. The format is taken from the magic bytes, not
 * the media type, because registries and old images mislabel layers (e.g. plain tars served as
 * {@code tar.gzip}).
 */
public final class Decompression {
  private static final int BUFFER = 1 << 16;

  private Decompression() {}

  public static InputStream open(InputStream blob) throws IOException {
    BufferedInputStream in = new BufferedInputStream(blob, BUFFER);
    in.mark(4);
    byte[] magic = in.readNBytes(4);
    in.reset();
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
    }
    if (magic.length == 4
        && (magic[0] & 0xff) == 0x28
        && (magic[1] & 0xff) == 0xb5
        && (magic[2] & 0xff) == 0x2f
        && (magic[3] & 0xff) == 0xfd) {
      return new BufferedInputStream(new ZstdInputStream(in), BUFFER);
    }
    return in;
  }
}
