package dev.jcompose.scheduler.wire;

import dev.jcompose.scheduler.api.Event;

/**
 * One line of an NDJSON response: exactly one of {@code event} (progress, any number), {@code
 * result} (last line on success; JSON null for void verbs, hence {@code done}) or {@code error}
 * (last line on failure). Empty lines are keep-alives and carry nothing. Null parts are left out of
 * the line; the client reads lines by shape, converting {@code result} to the verb's type.
 */
public record StreamLine(Event event, Object result, WireError error, Boolean done) {

  public static StreamLine ofEvent(Event event) {
    return new StreamLine(event, null, null, null);
  }

  public static StreamLine ofResult(Object result) {
    return new StreamLine(null, result, null, true);
  }

  public static StreamLine ofError(WireError error) {
    return new StreamLine(null, null, error, true);
  }
}
