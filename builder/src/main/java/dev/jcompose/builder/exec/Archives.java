package dev.jcompose.builder.exec;

import dev.jcompose.runtime.image.unpack.Decompression;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * ADD's local archive detection (docker's rule: by content, not by name): a tar, plain or
 * compressed with gzip, zstd or bzip2, is extracted; anything else is copied as a file.
 */
final class Archives {
  private static final int TAR_MAGIC_OFFSET = 257;

  private Archives() {}

  static boolean isTar(Path file) {
    try (InputStream in = open(Files.newInputStream(file))) {
      byte[] header = in.readNBytes(512);
      return header.length == 512
          && new String(header, TAR_MAGIC_OFFSET, 5, StandardCharsets.US_ASCII).equals("ustar");
    } catch (IOException e) {
      return false; // not readable as an archive: copied as it is
    }
  }

  /** The uncompressed tar stream of an archive file. */
  static InputStream open(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(3);
    byte[] magic = in.readNBytes(3);
    in.reset();
    if (magic.length == 3 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h') {
      return new BufferedInputStream(new BZip2CompressorInputStream(in), 1 << 16);
    }
    return Decompression.open(in);
  }
}
