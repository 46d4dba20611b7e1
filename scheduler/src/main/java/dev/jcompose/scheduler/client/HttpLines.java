package dev.jcompose.scheduler.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads LF- or CRLF-terminated lines byte by byte (callers pass a buffered stream). */
final class HttpLines {
  private static final int MAX_LINE = 16 * 1024 * 1024;

  private HttpLines() {}

  /** The next line without its terminator, or null at end of stream before any byte. */
  static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        return strip(line);
      }
      if (line.size() >= MAX_LINE) {
        throw new IOException("line longer than " + MAX_LINE + " bytes in the engine's answer");
      }
      line.write(b);
    }
    return line.size() == 0 ? null : strip(line);
  }

  private static String strip(ByteArrayOutputStream line) {
    String s = line.toString(StandardCharsets.UTF_8);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }
}
