package dev.jcompose.model.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.model.normalize.GoMap;
import dev.jcompose.model.normalize.GoStruct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WritersTest {

  @Test
  void json_goIndent_htmlEscapes_noTrailingNewline() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", "<a&b>");
    m.put("a", List.of());
    m.put("c", new GoStruct());
    m.put("d", null);
    assertThat(JsonWriter.write(m))
        .isEqualTo(
            "{\n  \"b\": \"\\u003ca\\u0026b\\u003e\",\n  \"a\": [],\n  \"c\": {},\n  \"d\": null\n}");
  }

  @Test
  void json_goMapKeysSortedBytewise_structKeysKeepOrder() {
    GoMap m = new GoMap();
    m.put("web10", 1L);
    m.put("web2", 2L);
    assertThat(JsonWriter.write(m)).isEqualTo("{\n  \"web10\": 1,\n  \"web2\": 2\n}");
  }

  @Test
  void json_floats_likeGo() {
    assertThat(JsonWriter.write(List.of(0.5, 1e21, 1.0e-7)))
        .isEqualTo("[\n  0.5,\n  1e+21,\n  1e-7\n]");
  }

  @Test
  void yaml_quoting_likeYamlV3() {
    assertThat(YamlScalars.quote("nginx")).isEqualTo("nginx");
    assertThat(YamlScalars.quote("1.1")).isEqualTo("\"1.1\"");
    assertThat(YamlScalars.quote("536870912")).isEqualTo("\"536870912\"");
    assertThat(YamlScalars.quote("0440")).isEqualTo("\"0440\"");
    assertThat(YamlScalars.quote("yes")).isEqualTo("\"yes\"");
    assertThat(YamlScalars.quote("true")).isEqualTo("\"true\"");
    assertThat(YamlScalars.quote("")).isEqualTo("\"\"");
    assertThat(YamlScalars.quote("8080:80")).isEqualTo("8080:80");
    assertThat(YamlScalars.quote("a: b")).isEqualTo("'a: b'");
    assertThat(YamlScalars.quote("*.log")).isEqualTo("'*.log'");
    assertThat(YamlScalars.quote("- x")).isEqualTo("'- x'");
    assertThat(YamlScalars.quote("-c")).isEqualTo("-c");
    assertThat(YamlScalars.quote("curl -f http://localhost")).isEqualTo("curl -f http://localhost");
  }

  @Test
  void yaml_keyOrder_isNatural() {
    List<String> keys = new ArrayList<>(List.of("web10", "web2", "db", "Web"));
    keys.sort(YamlKeyOrder::compare);
    assertThat(keys).containsExactly("Web", "db", "web2", "web10");
  }

  @Test
  void yaml_blockLayout_sequencesIndented_emptyValueStructsOmitted() {
    Map<String, Object> svc = new LinkedHashMap<>();
    svc.put("command", List.of("a", "b"));
    svc.put("ports", List.of(Map.of("target", 80L)));
    svc.put("volume", Map.of());
    svc.put("resources", new GoStruct());
    svc.put("net", null);
    svc.put("script", "line1\nline2");
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("name", "p");
    doc.put("svc", svc);
    assertThat(YamlWriter.write(doc))
        .isEqualTo(
            """
        name: p
        svc:
          command:
            - a
            - b
          ports:
            - target: 80
          volume: {}
          net: null
          script: |-
            line1
            line2
        """);
  }
}
