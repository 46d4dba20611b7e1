package dev.jcompose.model.interpolate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.load.YamlReader;
import dev.jcompose.model.tree.ListNode;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TreeInterpolatorTest {
  private static final Map<String, String> ENV =
      Map.of("TAG", "1.2", "PRIV", "true", "N", "3", "K", "key", "YES", "yes", "CPU", "0.5");
  private final List<String> warnings = new ArrayList<>();

  private MapNode run(String yaml) {
    MapNode doc = YamlReader.read(yaml, "compose.yaml").get(0);
    return new TreeInterpolator(k -> Optional.ofNullable(ENV.get(k)), warnings::add)
        .interpolate(doc);
  }

  private static MapNode web(MapNode root) {
    return (MapNode) ((MapNode) root.get("services")).get("web");
  }

  private static Object value(MapNode m, String key) {
    return ((ScalarNode) m.get(key)).value();
  }

  @Test
  void values_areInterpolated_keysAreNot() {
    MapNode web = web(run("services:\n  web:\n    image: app:${TAG}\n    labels:\n      $K: v\n"));
    assertThat(value(web, "image")).isEqualTo("app:1.2");
    assertThat(((MapNode) web.get("labels")).entries()).containsOnlyKeys("$K");
  }

  @Test
  void listItems_areInterpolated() {
    MapNode web = web(run("services:\n  web:\n    environment:\n      - \"$K=1\"\n"));
    assertThat(((ScalarNode) ((ListNode) web.get("environment")).items().get(0)).value())
        .isEqualTo("key=1");
  }

  @Test
  void typeCast_booleanFromVariable() {
    MapNode web =
        web(
            run(
                "services:\n  web:\n    privileged: ${PRIV}\n    read_only: \"false\"\n    tty: $YES\n"));
    assertThat(value(web, "privileged")).isEqualTo(true);
    assertThat(value(web, "read_only")).isEqualTo(false);
    assertThat(value(web, "tty")).isEqualTo(true);
    assertThat(warnings).anyMatch(w -> w.contains("not supported by YAML 1.2"));
  }

  @Test
  void typeCast_intsAndFloats() {
    MapNode web =
        web(
            run(
                "services:\n  web:\n    deploy:\n      replicas: ${N}\n    cpus: $CPU\n"
                    + "    ports:\n      - target: \"${N}\"\n"));
    assertThat(((ScalarNode) ((MapNode) web.get("deploy")).get("replicas")).value()).isEqualTo(3L);
    assertThat(value(web, "cpus")).isEqualTo(0.5);
    MapNode port = (MapNode) ((ListNode) web.get("ports")).items().get(0);
    assertThat(value(port, "target")).isEqualTo(3L);
  }

  @Test
  void typeCast_topLevelExternal() {
    MapNode root = run("networks:\n  n:\n    external: \"${PRIV}\"\n");
    assertThat(value((MapNode) ((MapNode) root.get("networks")).get("n"), "external"))
        .isEqualTo(true);
  }

  @Test
  void typeCast_nonStringValues_untouched() {
    assertThat(value(web(run("services:\n  web:\n    scale: 2\n")), "scale")).isEqualTo(2L);
  }

  @Test
  void typeCast_invalidBoolean_errorsWithPath() {
    assertThatThrownBy(() -> run("services:\n  web:\n    init: ${TAG}\n"))
        .isInstanceOf(ComposeFileException.class)
        .hasMessage(
            "compose.yaml:3:11: error while interpolating services.web.init: "
                + "failed to cast to expected type: invalid boolean: 1.2");
  }

  @Test
  void requiredVariable_errorNamesFileLineAndPath() {
    assertThatThrownBy(() -> run("services:\n  web:\n    image: ${IMG:?image required}\n"))
        .hasMessage(
            "compose.yaml:3:12: error while interpolating services.web.image: "
                + "required variable IMG is missing a value: image required");
  }

  @Test
  void invalidTemplate_errorSuggestsEscaping() {
    assertThatThrownBy(() -> run("services:\n  web:\n    command: [\"echo\", \"${\"]\n"))
        .hasMessageContaining("invalid interpolation format for services.web.command[1]")
        .hasMessageContaining("You may need to escape any $ with another $.");
  }
}
