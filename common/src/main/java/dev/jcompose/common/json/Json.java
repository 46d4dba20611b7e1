package dev.jcompose.common.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's one JSON codec: parse text to {@link JsonNode}s or straight into records, and write
 * records, collections, maps and trees back. Small on purpose — it starts in a few milliseconds,
 * which a command-line client notices — and it covers what jcompose reads and writes: its own API
 * and state, and the OCI/registry and docker documents it reads by shape.
 *
 * <p>Records map by component name (or {@link JsonName}); null components are left out when writing
 * and absent fields read as null (zero, false); unknown fields are ignored. {@link
 * java.nio.file.Path}, {@link java.time.Duration} and {@link java.time.Instant} are strings.
 */
public final class Json {
  private Json() {}

  /** Parses JSON text. */
  public static JsonNode parse(String text) {
    return JsonParser.parse(text);
  }

  /** Parses UTF-8 JSON. */
  public static JsonNode parse(byte[] utf8) {
    return JsonParser.parse(new String(utf8, StandardCharsets.UTF_8));
  }

  /** Parses a UTF-8 JSON file. */
  public static JsonNode parse(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Parses JSON text into {@code type}. */
  public static <T> T read(String text, Class<T> type) {
    return type.cast(JsonBinder.bind(parse(text), type));
  }

  /** Parses UTF-8 JSON into {@code type}. */
  public static <T> T read(byte[] utf8, Class<T> type) {
    return type.cast(JsonBinder.bind(parse(utf8), type));
  }

  /** Parses JSON into a generic type ({@code TypeRef.listOf(X.class)}). */
  public static <T> T read(String text, TypeRef<T> type) {
    return convert(parse(text), type);
  }

  /** A parsed tree as {@code type}. */
  public static <T> T convert(JsonNode node, TypeRef<T> type) {
    return type.cast(JsonBinder.bind(node, type.type()));
  }

  /** A parsed tree as {@code type}. */
  public static <T> T convert(JsonNode node, Class<T> type) {
    return type.cast(JsonBinder.bind(node, type));
  }

  /** A value as a tree. */
  public static JsonNode tree(Object value) {
    return value instanceof JsonNode n ? n : parse(write(value));
  }

  /** Compact JSON text of {@code value}. */
  public static String write(Object value) {
    return JsonText.write(value, false);
  }

  /** Compact UTF-8 JSON of {@code value}. */
  public static byte[] bytes(Object value) {
    return write(value).getBytes(StandardCharsets.UTF_8);
  }

  /** Indented JSON text of {@code value} (two spaces), for files people read. */
  public static String pretty(Object value) {
    return JsonText.write(value, true);
  }

  /** Reads a UTF-8 JSON file into {@code type}. */
  public static <T> T read(Path file, TypeRef<T> type) throws IOException {
    try {
      return convert(parse(file), type);
    } catch (JsonException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }
}
