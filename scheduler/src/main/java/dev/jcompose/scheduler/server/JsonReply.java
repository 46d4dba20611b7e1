package dev.jcompose.scheduler.server;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonException;
import dev.jcompose.scheduler.wire.ApiRoutes;
import dev.jcompose.scheduler.wire.WireError;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import java.util.Map;

/**
 * Plain (non-streamed) JSON answers; callable from any thread, the write happens on {@code
 * context}.
 */
final class JsonReply {
  private JsonReply() {}

  static void send(Context context, HttpServerResponse response, int status, Object body) {
    String text;
    try {
      text = body == null ? "" : Json.write(body);
    } catch (JsonException e) {
      error(context, response, WireError.of(e));
      return;
    }
    context.runOnContext(
        v -> {
          if (response.ended() || response.closed()) {
            return;
          }
          response.setStatusCode(status);
          if (!text.isEmpty()) {
            response.putHeader("Content-Type", ApiRoutes.JSON);
          }
          response.end(text);
        });
  }

  /** The JSON text of an answer that must be sent as it is (the error of a refused body). */
  static String text(Object body) {
    try {
      return Json.write(body);
    } catch (JsonException e) {
      throw new IllegalStateException("cannot encode " + body.getClass().getSimpleName(), e);
    }
  }

  /** {@code {"error": {"kind": ..., "message": ...}}} with the status the kind maps to. */
  static void error(Context context, HttpServerResponse response, WireError error) {
    send(context, response, error.httpStatus(), Map.of("error", error));
  }
}
