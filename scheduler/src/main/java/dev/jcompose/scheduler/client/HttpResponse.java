package dev.jcompose.scheduler.client;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A response being read from a {@link UnixConnection}: status and headers are parsed eagerly, the
 * body is a stream (de-chunked or length-limited). Closing it closes the connection.
 */
final class HttpResponse implements AutoCloseable {
  private final UnixConnection connection;
  private final int status;
  private final Map<String, String> headers;
  private final InputStream body;

  private HttpResponse(
      UnixConnection connection, int status, Map<String, String> headers, InputStream body) {
    this.connection = connection;
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  static HttpResponse read(UnixConnection connection) throws IOException {
    InputStream in = new BufferedInputStream(connection.inputStream(), 16 * 1024);
    String statusLine = HttpLines.readLine(in);
    if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP answer from the engine: " + statusLine);
    }
    String[] parts = statusLine.split(" ", 3);
    int status = Integer.parseInt(parts[1]);
    Map<String, String> headers = new HashMap<>();
    String line;
    while ((line = HttpLines.readLine(in)) != null && !line.isEmpty()) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
    }
    return new HttpResponse(connection, status, headers, body(in, headers));
  }

  private static InputStream body(InputStream in, Map<String, String> headers) {
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      return new ChunkedInputStream(in);
    }
    String length = headers.get("content-length");
    return length == null ? in : new LimitedInputStream(in, Long.parseLong(length));
  }

  int status() {
    return status;
  }

  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  InputStream body() {
    return body;
  }

  UnixConnection connection() {
    return connection;
  }

  @Override
  public void close() throws IOException {
    connection.close();
  }

  private static final class LimitedInputStream extends InputStream {
    private final InputStream in;
    private long left;

    LimitedInputStream(InputStream in, long length) {
      this.in = in;
      this.left = length;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }
}
