package dev.jcompose.scheduler.client;

import java.io.IOException;
import java.io.InputStream;

/** Decodes an HTTP/1.1 chunked body (RFC 9112 §7.1); trailers are read and ignored. */
final class ChunkedInputStream extends InputStream {
  private final InputStream in;
  private long remaining;
  private boolean eof;

  ChunkedInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (eof) {
      return -1;
    }
    if (remaining == 0 && !nextChunk()) {
      return -1;
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw new IOException("the engine closed the connection in the middle of a chunk");
    }
    remaining -= n;
    if (remaining == 0) {
      HttpLines.readLine(in); // CRLF after the chunk data
    }
    return n;
  }

  private boolean nextChunk() throws IOException {
    String sizeLine = HttpLines.readLine(in);
    if (sizeLine == null) {
      throw new IOException("the engine closed the connection before the end of its answer");
    }
    int ext = sizeLine.indexOf(';');
    String hex = (ext >= 0 ? sizeLine.substring(0, ext) : sizeLine).trim();
    try {
      remaining = Long.parseLong(hex, 16);
    } catch (NumberFormatException e) {
      throw new IOException("bad chunk size '" + sizeLine + "' in the engine's answer", e);
    }
    if (remaining == 0) {
      String trailer;
      do {
        trailer = HttpLines.readLine(in);
      } while (trailer != null && !trailer.isEmpty());
      eof = true;
      return false;
    }
    return true;
  }
}
