package dev.jcompose.scheduler.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Strings for the value types the model uses. Jackson 2 would write a {@link Path} as a {@code
 * file://} URI (which turns relative paths absolute) and refuses java.time types without the jsr310
 * module; plain strings keep the API readable with {@code curl} and avoid a dependency. Durations
 * are ISO-8601 ({@code PT1M30S}), instants RFC 3339 in UTC.
 */
final class WireModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  WireModule() {
    super("jcompose-wire");
    register(Path.class, Path::of);
    register(Duration.class, Duration::parse);
    register(Instant.class, Instant::parse);
  }

  private <T> void register(Class<T> type, Function<String, T> parse) {
    addSerializer(type, new ToStringSerializer<>());
    addDeserializer(type, new FromStringDeserializer<>(type, parse));
  }

  private static final class ToStringSerializer<T> extends JsonSerializer<T> {
    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(value.toString());
    }
  }

  private static final class FromStringDeserializer<T> extends JsonDeserializer<T> {
    private final Class<T> type;
    private final Function<String, T> parse;

    FromStringDeserializer(Class<T> type, Function<String, T> parse) {
      this.type = type;
      this.parse = parse;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      try {
        return parse.apply(text);
      } catch (RuntimeException e) {
        return type.cast(
            ctxt.handleWeirdStringValue(
                type, text, "not a valid %s: %s", type.getSimpleName(), e.getMessage()));
      }
    }
  }
}
