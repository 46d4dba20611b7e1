package dev.jcompose.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.runtime.api.ImageCommit;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed config's history: one non-empty entry per layer, the last one the commit's. */
class CommitConfigTest {
  private static final ImageCommit COMMIT =
      new ImageCommit("snap:1", null, null, "me", "a note", List.of("ENV MARK=yes"));

  private static JsonNode commit(String history) {
    String base =
        "{\"created\":\"2023-11-14T22:13:20Z\",\"config\":{\"Env\":[\"PATH=/bin\"]},"
            + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:a\",\"sha256:b\"]}"
            + (history == null ? "" : ",\"history\":" + history)
            + "}";
    return Json.parse(CommitConfig.of(base.getBytes(StandardCharsets.UTF_8), "sha256:new", COMMIT));
  }

  private static List<String> nonEmptyCreatedBy(JsonNode config) {
    return config.path("history").elements().stream()
        .filter(h -> !h.path("empty_layer").asBoolean())
        .map(h -> h.path("created_by").asText())
        .toList();
  }

  @Test
  void baseWithFewerEntriesThanLayers_isRepairedBelowTheCommitsEntry() {
    JsonNode c = commit("[{\"created_by\":\"layer a\"}]");
    assertThat(c.path("rootfs").path("diff_ids").size()).isEqualTo(3);
    assertThat(nonEmptyCreatedBy(c))
        .containsExactly("layer a", LayerHistory.MISSING, "jcompose commit");
    JsonNode added = c.path("history").path(1);
    assertThat(added.path("created").asText()).isEqualTo("2023-11-14T22:13:20Z");
    JsonNode own = c.path("history").path(2);
    assertThat(own.path("comment").asText()).isEqualTo("a note");
    assertThat(own.path("created").asText()).isEqualTo(c.path("created").asText());
  }

  @Test
  void baseWithMoreEntriesThanLayers_hasTheExtraOnesMarkedEmpty() {
    JsonNode c =
        commit("[{\"created_by\":\"a\"},{\"created_by\":\"b\"},{\"created_by\":\"phantom\"}]");
    assertThat(nonEmptyCreatedBy(c)).containsExactly("a", "b", "jcompose commit");
    assertThat(c.path("history").size()).isEqualTo(4);
    assertThat(c.path("history").path(2).path("empty_layer").asBoolean()).isTrue();
  }

  @Test
  void baseWithoutHistory_getsAnEntryPerBaseLayer() {
    assertThat(nonEmptyCreatedBy(commit(null)))
        .containsExactly(LayerHistory.MISSING, LayerHistory.MISSING, "jcompose commit");
  }

  @Test
  void wellFormedBase_keepsItsHistory_andTheChangesApply() {
    JsonNode c =
        commit(
            "[{\"created_by\":\"a\"},{\"created_by\":\"ENV X=1\",\"empty_layer\":true},"
                + "{\"created_by\":\"b\"}]");
    assertThat(c.path("history").elements())
        .extracting(h -> h.path("created_by").asText())
        .containsExactly("a", "ENV X=1", "b", "jcompose commit");
    assertThat(c.path("author").asText()).isEqualTo("me");
    assertThat(c.path("config").path("Env").toString()).contains("MARK=yes");
  }
}
