package dev.jcompose.scheduler.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A deliberately small HTTP/1.1 client for the engine socket: one request per connection ({@code
 * Connection: close}), fixed-length request bodies, chunked or fixed-length answers. Plain JDK so
 * the CLI starts without loading an event loop.
 */
final class UnixHttpClient {
  private final Path socket;
  private final Duration connectTimeout;

  UnixHttpClient(Path socket, Duration connectTimeout) {
    this.socket = socket;
    this.connectTimeout = connectTimeout;
  }

  Path socket() {
    return socket;
  }

  /** Sends a request; the caller must close the response. {@code body} may be null. */
  HttpResponse send(String method, String path, byte[] body, Duration readTimeout)
      throws IOException {
    UnixConnection connection = UnixConnection.open(socket, connectTimeout, readTimeout);
    try {
      connection.write(head(method, path, body).getBytes(StandardCharsets.US_ASCII));
      if (body != null) {
        connection.write(body);
      }
      return HttpResponse.read(connection);
    } catch (IOException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  private static String head(String method, String path, byte[] body) {
    StringBuilder sb = new StringBuilder(160);
    sb.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    sb.append(
        "Host: jcompose\r\nConnection: close\r\nAccept: application/json, application/x-ndjson\r\n");
    if (body != null) {
      sb.append("Content-Type: application/json\r\nContent-Length: ")
          .append(body.length)
          .append("\r\n");
    }
    return sb.append("\r\n").toString();
  }
}
