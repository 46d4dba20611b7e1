package dev.jcompose.scheduler.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.wire.ApiJson;
import dev.jcompose.scheduler.wire.StreamLine;
import dev.jcompose.scheduler.wire.WireError;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The two exchange shapes of the API — plain JSON queries and NDJSON streams — with error mapping.
 */
@SuppressWarnings(
    "TypeParameterUnusedInFormals") // each JavaType argument names the T the caller gets
final class ApiCalls {
  private static final ObjectMapper JSON = ApiJson.mapper();
  private final UnixHttpClient http;
  private final ClientTimeouts timeouts;

  ApiCalls(UnixHttpClient http, ClientTimeouts timeouts) {
    this.http = http;
    this.timeouts = timeouts;
  }

  <T> T query(String method, String path, JavaType type) {
    return query(method, path, null, type);
  }

  /** A short call answered with plain JSON; 204 and a null type give null. */
  <T> T query(String method, String path, byte[] body, JavaType type) {
    try (HttpResponse r = http.send(method, path, body, timeouts.query())) {
      byte[] bytes = r.body().readAllBytes();
      if (r.status() >= 300) {
        throw errorOf(r.status(), bytes);
      }
      return type == null || bytes.length == 0 ? null : JSON.readValue(bytes, type);
    } catch (IOException e) {
      throw unavailable(path, e);
    }
  }

  /** A long verb: POSTs {@code body}, forwards events, returns the final result. */
  <T> T stream(String verb, String path, Object body, Consumer<Event> progress, JavaType type) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new ComposeException(
          ComposeException.Kind.INTERNAL,
          "cannot encode the " + verb + " request: " + e.getMessage(),
          e);
    }
    return exchange("POST", path, bytes, progress, type, null);
  }

  /** A streamed GET (wait, events); {@code stop} ends it early by closing the connection. */
  <T> T streamGet(String path, Consumer<Event> sink, JavaType type, BooleanSupplier stop) {
    return exchange("GET", path, null, sink, type, stop);
  }

  @SuppressWarnings("try") // the resource is a lock (or watcher) held for the block, not used in it
  private <T> T exchange(
      String method,
      String path,
      byte[] body,
      Consumer<Event> progress,
      JavaType type,
      BooleanSupplier stop) {
    AtomicBoolean stopped = new AtomicBoolean();
    try (HttpResponse r = http.send(method, path, body, timeouts.streamIdle())) {
      if (r.status() >= 300) {
        throw errorOf(r.status(), r.body().readAllBytes());
      }
      try (StopWatcher watcher = StopWatcher.start(stop, stopped, r.connection())) {
        return readStream(r.body(), progress, type, path);
      }
    } catch (IOException e) {
      if (stopped.get()) {
        return null; // the caller's stop condition closed the connection
      }
      throw unavailable(path, e);
    }
  }

  private static <T> T readStream(
      InputStream body, Consumer<Event> progress, JavaType type, String path) throws IOException {
    InputStream in = new BufferedInputStream(body, 16 * 1024);
    String line;
    while ((line = HttpLines.readLine(in)) != null) {
      if (line.isBlank()) {
        continue; // keep-alive
      }
      StreamLine l = JSON.readValue(line, StreamLine.class);
      if (l.event() != null && progress != null) {
        progress.accept(l.event());
      }
      if (l.error() != null) {
        throw l.error().toException();
      }
      if (Boolean.TRUE.equals(l.done())) {
        return convert(l.result(), type);
      }
    }
    throw new ComposeException(
        ComposeException.Kind.UNAVAILABLE,
        "the jcompose engine closed the connection before answering " + path);
  }

  private static <T> T convert(JsonNode result, JavaType type) {
    return type == null || result == null || result.isNull()
        ? null
        : JSON.convertValue(result, type);
  }

  private static ComposeException errorOf(int status, byte[] body) {
    try {
      JsonNode error = JSON.readTree(body).path("error");
      if (error.isObject()) {
        return JSON.treeToValue(error, WireError.class).toException();
      }
    } catch (IOException | RuntimeException e) {
      // not our JSON: fall through to a generic message
    }
    return new ComposeException(
        ComposeException.Kind.INTERNAL, "the jcompose engine answered HTTP " + status);
  }

  private ComposeException unavailable(String path, IOException e) {
    String why =
        e instanceof SocketTimeoutException
            ? "did not answer " + path + " in time (" + e.getMessage() + ")"
            : "cannot be reached at " + http.socket() + " (" + e.getMessage() + ")";
    return new ComposeException(ComposeException.Kind.UNAVAILABLE, "the jcompose engine " + why, e);
  }
}
