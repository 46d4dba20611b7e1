package dev.jcompose.scheduler.wire;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the engine API, shared by server and client so both sides agree on the
 * shape of every record. Records map by component name; {@link java.nio.file.Path}, {@link
 * java.time.Duration} and {@link java.time.Instant} are plain strings (see {@link WireModule}).
 * Unknown properties are ignored so an older CLI can talk to a newer engine.
 */
public final class ApiJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new WireModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  private ApiJson() {}

  /** Thread-safe; never reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
