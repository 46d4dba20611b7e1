package dev.jcompose.model.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.tree.ListNode;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node.Directive;
import dev.jcompose.model.tree.ScalarNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlReaderTest {

  private static MapNode one(String yaml) {
    List<MapNode> docs = YamlReader.read(yaml, "compose.yaml");
    assertThat(docs).hasSize(1);
    return docs.get(0);
  }

  private static Object value(String scalar) {
    return ((ScalarNode) one("v: " + scalar).get("v")).value();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "yes|yes",
        "no|no",
        "on|on",
        "off|off",
        "y|y",
        "n|n",
        "NO|NO",
        "22:22|22:22",
        "8080:80|8080:80",
        "2001-12-14|2001-12-14",
        "0o|0o",
        "abc|abc",
        "1.2.3|1.2.3"
      })
  void scalar_goYamlStrings_stayStrings(String in, String expected) {
    assertThat(value(in)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0755|493",
        "0o755|493",
        "012345|5349",
        "0x1F|31",
        "0b101|5",
        "-0755|-493",
        "+12|12",
        "1_000|1000",
        "0|0",
        "-42|-42",
        "9223372036854775807|9223372036854775807"
      })
  void scalar_integers_goBase0Rules(String in, long expected) {
    assertThat(value(in)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {"1.10|1.1", "1e3|1000.0", ".5|0.5", "08|8.0", "-1.5|-1.5"})
  void scalar_floats_parsedAsDouble(String in, double expected) {
    assertThat(value(in)).isEqualTo(expected);
  }

  @Test
  void scalar_specialFloats() {
    assertThat(value(".inf")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(value("-.INF")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat((Double) value(".NaN")).isNaN();
  }

  @Test
  void scalar_booleans_onlyYaml12Spellings() {
    for (String t : List.of("true", "True", "TRUE")) {
      assertThat(value(t)).isEqualTo(true);
    }
    for (String f : List.of("false", "False", "FALSE")) {
      assertThat(value(f)).isEqualTo(false);
    }
    assertThat(value("tRUE")).isEqualTo("tRUE");
  }

  @Test
  void scalar_nulls() {
    assertThat(value("~")).isNull();
    assertThat(value("null")).isNull();
    assertThat(value("NULL")).isNull();
    assertThat(((ScalarNode) one("v:").get("v")).value()).isNull();
  }

  @Test
  void scalar_quotedAndBlock_alwaysStrings() {
    MapNode m = one("a: \"0755\"\nb: 'true'\nc: |\n  123\nd: !!str 12\n");
    assertThat(((ScalarNode) m.get("a")).value()).isEqualTo("0755");
    assertThat(((ScalarNode) m.get("a")).quoted()).isTrue();
    assertThat(((ScalarNode) m.get("b")).value()).isEqualTo("true");
    assertThat(((ScalarNode) m.get("c")).value()).isEqualTo("123\n");
    assertThat(((ScalarNode) m.get("d")).value()).isEqualTo("12");
  }

  @Test
  void marks_areOneBasedLineAndColumn() {
    MapNode m = one("services:\n  web:\n    image: nginx\n");
    MapNode web = (MapNode) ((MapNode) m.get("services")).get("web");
    assertThat(web.get("image").mark().toString()).isEqualTo("compose.yaml:3:12");
    assertThat(web.keyMark("image").toString()).isEqualTo("compose.yaml:3:5");
  }

  @Test
  void anchors_aliasesAreExpanded() {
    MapNode m = one("x-env: &env {A: 1}\nservices:\n  a: {environment: *env}\n");
    MapNode a = (MapNode) ((MapNode) m.get("services")).get("a");
    assertThat(((ScalarNode) ((MapNode) a.get("environment")).get("A")).value()).isEqualTo(1L);
  }

  @Test
  void mergeKey_single_explicitKeysWin() {
    MapNode m = one("base: &b {image: x, user: root}\nsvc:\n  <<: *b\n  image: y\n");
    MapNode svc = (MapNode) m.get("svc");
    assertThat(((ScalarNode) svc.get("image")).value()).isEqualTo("y");
    assertThat(((ScalarNode) svc.get("user")).value()).isEqualTo("root");
    assertThat(svc.entries()).doesNotContainKey("<<");
  }

  @Test
  void mergeKey_list_earlierEntriesWin() {
    MapNode m = one("a: &a {k: 1, a: 1}\nb: &b {k: 2, b: 2}\nc:\n  <<: [*a, *b]\n");
    MapNode c = (MapNode) m.get("c");
    assertThat(((ScalarNode) c.get("k")).value()).isEqualTo(1L);
    assertThat(c.entries()).containsKeys("a", "b");
  }

  @Test
  void tags_resetAndOverride_becomeDirectives() {
    MapNode m = one("ports: !reset []\nvolumes: !override\n  - a:/b\nenv:\n  FOO: !reset null\n");
    assertThat(m.get("ports").directive()).isEqualTo(Directive.RESET);
    assertThat(m.get("volumes").directive()).isEqualTo(Directive.OVERRIDE);
    assertThat(((ListNode) m.get("volumes")).items()).hasSize(1);
    assertThat(((MapNode) m.get("env")).get("FOO").directive()).isEqualTo(Directive.RESET);
  }

  @Test
  void tags_throughAlias_keepDirective() {
    MapNode m = one("x: &r !reset []\nports: *r\n");
    assertThat(m.get("ports").directive()).isEqualTo(Directive.RESET);
  }

  @Test
  void multipleDocuments_allReturned() {
    assertThat(YamlReader.read("a: 1\n---\nb: 2\n", "f.yaml")).hasSize(2);
  }

  @Test
  void emptyFile_noDocuments() {
    assertThat(YamlReader.read("", "f.yaml")).isEmpty();
  }

  @Test
  void syntaxError_namesFileLineColumn() {
    assertThatThrownBy(() -> YamlReader.read("services:\n  web:\n    image: [a\n", "c.yaml"))
        .isInstanceOf(ComposeFileException.class)
        .hasMessageStartingWith("c.yaml:4:1: failed to parse c.yaml");
  }

  @Test
  void duplicateKey_rejectedWithBothLines() {
    assertThatThrownBy(() -> one("a: 1\na: 2\n"))
        .hasMessage("compose.yaml:2:1: mapping key \"a\" already defined at line 1");
  }

  @Test
  void nonStringKey_rejected() {
    assertThatThrownBy(() -> one("80: x\n")).hasMessageContaining("non-string key");
  }

  @Test
  void topLevelList_rejected() {
    assertThatThrownBy(() -> one("- a\n"))
        .hasMessageContaining("top-level object must be a mapping");
  }

  @Test
  void recursiveAlias_rejected() {
    assertThatThrownBy(() -> one("a: &x\n  b: *x\n"))
        .isInstanceOf(ComposeFileException.class)
        .hasMessageContaining("cycle detected");
  }

  @Test
  void aliasBomb_rejected() {
    StringBuilder y = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 9; i++) {
      y.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      y.append("]\n");
    }
    assertThatThrownBy(() -> one(y.toString()))
        .isInstanceOf(ComposeFileException.class)
        .hasMessageContaining("maximum node visit limit");
  }
}
