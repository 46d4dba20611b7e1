package dev.jcompose.scheduler.server;

import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.wire.WireError;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;

/**
 * Collects a request body of at most {@code limit} bytes. A longer body (announced by
 * Content-Length or found while streaming) is answered 413 and the connection closed, so a client
 * can make the engine hold no more than the limit per request (Vert.x's {@code body()} would
 * collect any size).
 */
final class BodyReader {
  static final int STATUS_TOO_LARGE = 413;
  private static final long DRAIN_MILLIS = 2000;

  private BodyReader() {}

  static void read(HttpServerRequest req, long limit, Context context, Handler<Buffer> then) {
    String announced = req.getHeader("Content-Length");
    if (announced != null && parse(announced) > limit) {
      tooLarge(req, limit, context);
      return;
    }
    Buffer body = Buffer.buffer();
    boolean[] refused = {false};
    req.handler(
        chunk -> {
          if (refused[0]) {
            return;
          }
          if (body.length() + chunk.length() > limit) {
            refused[0] = true;
            tooLarge(req, limit, context);
          } else {
            body.appendBuffer(chunk);
          }
        });
    req.exceptionHandler(e -> JsonReply.error(context, req.response(), WireError.of(e)));
    req.endHandler(
        v -> {
          if (!refused[0]) {
            then.handle(body);
          }
        });
  }

  private static void tooLarge(HttpServerRequest req, long limit, Context context) {
    String message = "request body larger than " + limit + " bytes";
    context.runOnContext(
        v -> {
          if (!req.response().ended()) {
            req.response()
                .setStatusCode(STATUS_TOO_LARGE)
                .putHeader("Connection", "close")
                .putHeader("Content-Type", dev.jcompose.scheduler.wire.ApiRoutes.JSON)
                .end(
                    JsonReply.text(
                        Map.of(
                            "error", new WireError(ComposeException.Kind.INVALID.name(), message))))
                .onComplete(x -> closeAfterDrain(req, context));
          }
        });
  }

  /**
   * Closes the connection once the client has stopped sending, or after {@link #DRAIN_MILLIS}.
   * Closing a socket that still holds unread bytes makes the kernel answer with a reset, which can
   * discard the 413 before the client has read it; the rest of the body is read and dropped, so
   * nothing of it is held.
   */
  private static void closeAfterDrain(HttpServerRequest req, Context context) {
    Runnable close = () -> req.connection().close();
    if (req.isEnded()) {
      close.run();
      return;
    }
    long timer = context.owner().setTimer(DRAIN_MILLIS, id -> close.run());
    req.handler(chunk -> {});
    req.endHandler(
        v -> {
          context.owner().cancelTimer(timer);
          close.run();
        });
  }

  private static long parse(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}
