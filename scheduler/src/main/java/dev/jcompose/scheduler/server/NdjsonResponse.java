package dev.jcompose.scheduler.server;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonException;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.wire.ApiRoutes;
import dev.jcompose.scheduler.wire.StreamLine;
import dev.jcompose.scheduler.wire.WireError;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A streamed answer to a long verb: event lines, an empty line every keep-alive period (so a client
 * can tell a slow engine from a dead one), and one final result or error line.
 *
 * <p>Created on the request's event-loop context; {@link #event}, {@link #finish} and {@link #fail}
 * may be called from any thread: writes are queued onto the context, which keeps their order. Once
 * the client has gone, writes are dropped but the verb itself runs to its end (a half-done {@code
 * up} would leave the project in a worse state than a finished one).
 */
final class NdjsonResponse {
  private final Context context;
  private final HttpServerResponse response;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final long keepAliveTimer;
  private final Vertx vertx;

  NdjsonResponse(Vertx vertx, HttpServerResponse response, long keepAliveMillis) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.response = response;
    response.setChunked(true).putHeader("Content-Type", ApiRoutes.NDJSON);
    response.closeHandler(v -> closed.set(true));
    response.write("");
    this.keepAliveTimer = vertx.setPeriodic(keepAliveMillis, id -> writeNow("\n"));
  }

  /** True once the client closed the connection. */
  boolean clientGone() {
    return closed.get();
  }

  void event(Event event) {
    write(StreamLine.ofEvent(event), false);
  }

  void finish(Object result) {
    write(StreamLine.ofResult(result), true);
  }

  void fail(Throwable error) {
    write(StreamLine.ofError(WireError.of(error)), true);
  }

  private void write(StreamLine line, boolean last) {
    String text = serialize(line, last);
    context.runOnContext(
        v -> {
          writeNow(text);
          if (last) {
            vertx.cancelTimer(keepAliveTimer);
            if (!closed.get()) {
              response.end();
            }
          }
        });
  }

  private void writeNow(String text) {
    if (!closed.get() && !response.ended()) {
      response.write(text);
    }
  }

  private static String serialize(StreamLine line, boolean last) {
    try {
      return Json.write(line) + "\n";
    } catch (JsonException e) {
      // An event that cannot be encoded is dropped; a final line must still end the stream.
      return last ? Json.write(StreamLine.ofError(WireError.of(e))) + "\n" : "";
    }
  }
}
