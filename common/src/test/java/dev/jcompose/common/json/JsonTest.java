package dev.jcompose.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class JsonTest {
  enum Mode {
    ON,
    OFF
  }

  record Inner(String name, int port) {}

  record Outer(
      String id,
      long size,
      boolean flag,
      Integer maybe,
      Mode mode,
      List<Inner> inners,
      Map<String, String> labels,
      Set<String> tags,
      Path path,
      Duration delay,
      Instant at,
      Optional<String> note,
      JsonNode raw) {}

  record Named(@JsonName("Name") String name, @JsonName("CreatedAt") String createdAt) {}

  private static final Outer SAMPLE =
      new Outer(
          "a\"b\\c\n\u0001é",
          1L << 40,
          true,
          null,
          Mode.OFF,
          List.of(new Inner("web", 80), new Inner("db", 5432)),
          new LinkedHashMap<>(Map.of("k", "v")),
          Set.of("x"),
          Path.of("/var/lib/x y"),
          Duration.ofSeconds(90),
          Instant.parse("2026-01-02T03:04:05.123Z"),
          Optional.of("n"),
          Json.parse("{\"deep\":[1,2.5,null,true]}"));

  @Test
  void records_roundTrip() {
    String text = Json.write(SAMPLE);
    assertThat(text).doesNotContain("maybe").contains("\"delay\":\"PT1M30S\"");
    Outer back = Json.read(text, Outer.class);
    assertThat(back).isEqualTo(SAMPLE);
  }

  @Test
  void absentFields_readAsNullOrZero_unknownFieldsAreIgnored() {
    Outer o = Json.read("{\"id\":\"x\",\"extra\":{\"a\":[1]}}", Outer.class);
    assertThat(o.id()).isEqualTo("x");
    assertThat(o.size()).isZero();
    assertThat(o.flag()).isFalse();
    assertThat(o.inners()).isNull();
    assertThat(o.note()).isEmpty();
    assertThat(o.raw().isMissingNode()).isTrue();
  }

  @Test
  void jsonName_fixesTheFieldName() {
    String text = Json.write(new Named("v", "now"));
    assertThat(text).isEqualTo("{\"Name\":\"v\",\"CreatedAt\":\"now\"}");
    assertThat(Json.read(text, Named.class)).isEqualTo(new Named("v", "now"));
  }

  @Test
  void genericTypes_listsAndSortedMaps() {
    List<Inner> list = Json.read("[{\"name\":\"a\",\"port\":1}]", TypeRef.listOf(Inner.class));
    assertThat(list).containsExactly(new Inner("a", 1));
    SortedMap<String, Inner> map =
        Json.read("{\"b\":{\"name\":\"b\"},\"a\":{}}", TypeRef.sortedMapOf(Inner.class));
    assertThat(map.firstKey()).isEqualTo("a");
  }

  @Test
  void trees_navigateWithoutFailing() {
    JsonNode n = Json.parse("{\"a\":{\"b\":[\"x\",7,12345678901234567890]},\"t\":true}");
    assertThat(n.path("a").path("b").path(0).asText()).isEqualTo("x");
    assertThat(n.path("a").path("b").path(1).asInt()).isEqualTo(7);
    assertThat(n.path("a").path("b").path(2).numberValue())
        .isEqualTo(new BigDecimal("12345678901234567890"));
    assertThat(n.path("nope").path(3).asText("d")).isEqualTo("d");
    assertThat(n.path("t").asBoolean()).isTrue();
    assertThat(n.get("nope")).isNull();
    assertThat(n.toString()).isEqualTo("{\"a\":{\"b\":[\"x\",7,12345678901234567890]},\"t\":true}");
  }

  @Test
  void strings_escapeAndUnescape() {
    JsonNode n = Json.parse("\"\\u00e9\\n\\t\\\"\\/\\ud83d\\ude00\"");
    assertThat(n.textValue()).isEqualTo("é\n\t\"/😀");
    assertThat(Json.write("\u0000<&>")).isEqualTo("\"\\u0000<&>\"");
  }

  @Test
  void paths_writtenByJacksonAsUris_stillRead() {
    record P(Path p) {}
    assertThat(Json.read("{\"p\":\"file:///a/b%20c\"}", P.class).p()).isEqualTo(Path.of("/a/b c"));
  }

  @Test
  void pretty_indentsByTwoSpaces() {
    assertThat(Json.pretty(Map.of("a", List.of(1)))).isEqualTo("{\n  \"a\": [\n    1\n  ]\n}");
    assertThat(Json.pretty(Map.of())).isEqualTo("{}");
  }

  @Test
  void numbers_bindToEveryNumericType_andOverflowIsAJsonException() {
    record Nums(int i, long l, double d, float f, short s, Integer bi, Long bl, Double bd) {}
    assertThat(
            Json.read(
                "{\"i\":-7,\"l\":4398046511104,\"d\":3,\"f\":2,\"s\":-300,"
                    + "\"bi\":7,\"bl\":-1,\"bd\":1.5}",
                Nums.class))
        .isEqualTo(new Nums(-7, 4398046511104L, 3.0, 2f, (short) -300, 7, -1L, 1.5));
    assertThatThrownBy(() -> Json.read("{\"port\":4398046511104}", Inner.class))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("Inner.port");
    assertThatThrownBy(() -> Json.read("{\"s\":40000}", Nums.class))
        .isInstanceOf(JsonException.class);
  }

  @Test
  void badInput_isAJsonException() {
    for (String bad : List.of("", "{", "[1,]", "{\"a\" 1}", "tru", "\"x", "1 2", "[\"\u0001\"]")) {
      assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(JsonException.class);
    }
    assertThatThrownBy(() -> Json.read("{\"port\":\"x\"}", Inner.class))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("Inner.port");
    assertThatThrownBy(() -> Json.parse("[".repeat(600))).isInstanceOf(JsonException.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void toPlain_isAMutableCopy_writtenBackInDocumentOrder() {
    JsonNode n = Json.parse("{\"z\":1,\"a\":{\"l\":[\"x\"]},\"n\":null}");
    Map<String, Object> m = (Map<String, Object>) n.toPlain();
    ((List<Object>) ((Map<String, Object>) m.get("a")).get("l")).add("y");
    m.put("b", true);
    assertThat(Json.write(m))
        .isEqualTo("{\"z\":1,\"a\":{\"l\":[\"x\",\"y\"]},\"n\":null,\"b\":true}");
    assertThat(n.path("a").path("l").size()).isEqualTo(1);
  }
}
