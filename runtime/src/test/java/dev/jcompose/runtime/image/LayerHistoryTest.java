package dev.jcompose.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerHistoryTest {
  private static final Instant T = Instant.parse("2026-12-06T02:00:00Z");

  private static List<JsonNode> history(String json) {
    return Json.parse(json).elements();
  }

  private static long nonEmpty(List<JsonNode> h) {
    return h.stream().filter(e -> !e.path("empty_layer").asBoolean()).count();
  }

  @Test
  void baseWithoutHistory_getsAnEntryPerMissingLayer() {
    List<JsonNode> out = LayerHistory.normalize(history("[{\"created_by\":\"RUN x\"}]"), 3, T);
    assertThat(out).hasSize(3);
    assertThat(nonEmpty(out)).isEqualTo(3);
    assertThat(out.get(0).path("created_by").asText()).isEqualTo("RUN x");
    assertThat(out.get(2).path("created_by").asText()).isEqualTo(LayerHistory.MISSING);
    assertThat(out.get(2).path("created").asText()).isEqualTo(T.toString());
  }

  @Test
  void noHistoryAtAll_getsOneEntryPerLayer() {
    List<JsonNode> out = LayerHistory.normalize(List.of(), 2, T);
    assertThat(out)
        .hasSize(2)
        .allMatch(h -> h.path("created_by").asText().equals(LayerHistory.MISSING));
  }

  @Test
  void missingEntries_comeAfterTheEmptyOnes_whichAreKept() {
    List<JsonNode> out =
        LayerHistory.normalize(
            history("[{\"created_by\":\"a\"},{\"created_by\":\"CMD\",\"empty_layer\":true}]"),
            2,
            T);
    assertThat(out)
        .extracting(h -> h.path("created_by").asText())
        .containsExactly("a", "CMD", LayerHistory.MISSING);
    assertThat(nonEmpty(out)).isEqualTo(2);
  }

  @Test
  void moreEntriesThanLayers_turnTheTopOnesEmpty() {
    List<JsonNode> out =
        LayerHistory.normalize(
            history(
                "[{\"created_by\":\"a\"},{\"created_by\":\"b\",\"empty_layer\":true},{\"created_by\":\"c\"}]"),
            1,
            T);
    assertThat(out).hasSize(3);
    assertThat(nonEmpty(out)).isEqualTo(1);
    assertThat(out.get(2).path("empty_layer").asBoolean()).isTrue();
    assertThat(out.get(2).path("created_by").asText()).isEqualTo("c");
  }

  @Test
  void aScratchImage_keepsOnlyEmptyEntries() {
    List<JsonNode> out = LayerHistory.normalize(history("[{\"created_by\":\"a\"}]"), 0, T);
    assertThat(out).hasSize(1);
    assertThat(nonEmpty(out)).isZero();
  }

  @Test
  void matchingHistory_isKeptAsIs() {
    List<JsonNode> in =
        history(
            "[{\"created_by\":\"a\"},{\"created_by\":\"ENV\",\"empty_layer\":true},{\"created_by\":\"b\"}]");
    assertThat(LayerHistory.normalize(in, 2, T)).isEqualTo(in);
  }

  @Test
  void created_isTheConfigsTime_orTheFallbackWhenAbsentOrMalformed() {
    assertThat(LayerHistory.created(Json.parse("{\"created\":\"2023-11-14T22:13:20Z\"}"), T))
        .isEqualTo(Instant.parse("2023-11-14T22:13:20Z"));
    assertThat(LayerHistory.created(Json.parse("{}"), T)).isEqualTo(T);
    assertThat(LayerHistory.created(Json.parse("{\"created\":\"yesterday\"}"), T)).isEqualTo(T);
  }
}
