package dev.jcompose.scheduler.client;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonException;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.common.json.TypeRef;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.Event;
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
final class ApiCalls {
  private final UnixHttpClient http;
  private final ClientTimeouts timeouts;

  ApiCalls(UnixHttpClient http, ClientTimeouts timeouts) {
    this.http = http;
    this.timeouts = timeouts;
  }

  <T> T query(String method, String path, TypeRef<T> type) {
    return query(method, path, null, type);
  }

  /** A short call answered with plain JSON; 204 and a null type give null. */
  <T> T query(String method, String path, byte[] body, TypeRef<T> type) {
    try (HttpResponse r = http.send(method, path, body, timeouts.query())) {
      byte[] bytes = r.body().readAllBytes();
      if (r.status() >= 300) {
        throw errorOf(r.status(), bytes);
      }
      return type == null || bytes.length == 0 ? null : Json.convert(Json.parse(bytes), type);
    } catch (IOException e) {
      throw unavailable(path, e);
    } catch (JsonException e) {
      throw undecodable(path, e);
    }
  }

  /** A long verb: POSTs {@code body}, forwards events, returns the final result. */
  <T> T stream(String verb, String path, Object body, Consumer<Event> progress, TypeRef<T> type) {
    byte[] bytes;
    try {
      bytes = Json.bytes(body);
    } catch (JsonException e) {
      throw new ComposeException(
          ComposeException.Kind.INTERNAL,
          "cannot encode the " + verb + " request: " + e.getMessage(),
          e);
    }
    return exchange("POST", path, bytes, progress, type, null);
  }

  /** A streamed GET (wait, events); {@code stop} ends it early by closing the connection. */
  <T> T streamGet(String path, Consumer<Event> sink, TypeRef<T> type, BooleanSupplier stop) {
    return exchange("GET", path, null, sink, type, stop);
  }

  @SuppressWarnings("try") // the resource is a lock (or watcher) held for the block, not used in it
  private <T> T exchange(
      String method,
      String path,
      byte[] body,
      Consumer<Event> progress,
      TypeRef<T> type,
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
    } catch (JsonException e) {
      throw undecodable(path, e);
    }
  }

  private static <T> T readStream(
      InputStream body, Consumer<Event> progress, TypeRef<T> type, String path) throws IOException {
    InputStream in = new BufferedInputStream(body, 16 * 1024);
    String line;
    while ((line = HttpLines.readLine(in)) != null) {
      if (line.isBlank()) {
        continue; // keep-alive
      }
      // the lines of StreamLine, read by shape: the result's type is the verb's
      JsonNode l = Json.parse(line);
      if (l.has("event") && progress != null) {
        progress.accept(Json.convert(l.path("event"), Event.class));
      }
      if (l.path("error").isObject()) {
        throw Json.convert(l.path("error"), WireError.class).toException();
      }
      if (l.path("done").asBoolean()) {
        return convert(l.path("result"), type);
      }
    }
    throw new ComposeException(
        ComposeException.Kind.UNAVAILABLE,
        "the jcompose engine closed the connection before answering " + path);
  }

  private static <T> T convert(JsonNode result, TypeRef<T> type) {
    return type == null || result.isNull() || result.isMissingNode()
        ? null
        : Json.convert(result, type);
  }

  private static ComposeException errorOf(int status, byte[] body) {
    try {
      JsonNode error = Json.parse(body).path("error");
      if (error.isObject()) {
        return Json.convert(error, WireError.class).toException();
      }
    } catch (RuntimeException e) {
      // not our JSON: fall through to a generic message
    }
    return new ComposeException(
        ComposeException.Kind.INTERNAL, "the jcompose engine answered HTTP " + status);
  }

  private static ComposeException undecodable(String path, JsonException e) {
    return new ComposeException(
        ComposeException.Kind.INTERNAL,
        "cannot decode the jcompose engine's answer to " + path + ": " + e.getMessage(),
        e);
  }

  private ComposeException unavailable(String path, IOException e) {
    String why =
        e instanceof SocketTimeoutException
            ? "did not answer " + path + " in time (" + e.getMessage() + ")"
            : "cannot be reached at " + http.socket() + " (" + e.getMessage() + ")";
    return new ComposeException(ComposeException.Kind.UNAVAILABLE, "the jcompose engine " + why, e);
  }
}
