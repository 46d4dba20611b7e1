package dev.jcompose.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoTemplateTest {
  private static Map<String, Object> row(String name, String state) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Name", name);
    m.put("State", state);
    m.put("RunningFor", "2 minutes ago");
    return m;
  }

  @Test
  void fields_jsonAndFunctions_renderOneLinePerRow() {
    GoTemplate t = GoTemplate.parse("{{.Name}}={{upper .State}} {{json .State}}");
    assertThat(t.render(List.of(row("a-1", "running"), row("b-1", "exited")), Map.of()))
        .isEqualTo("a-1=RUNNING \"running\"\nb-1=EXITED \"exited\"\n");
    assertThat(GoTemplate.parse("{{json .}}").render(List.of(row("a", "x")), Map.of()))
        .isEqualTo("{\"Name\":\"a\",\"State\":\"x\",\"RunningFor\":\"2 minutes ago\"}\n");
  }

  @Test
  void table_printsDockersHeadersAlignedLikeTabwriter() {
    String out =
        GoTemplate.parse("table {{.Name}}\\t{{.RunningFor}}")
            .render(List.of(row("web-1", "running")), Map.of("RunningFor", "CREATED"));
    assertThat(out).isEqualTo("NAME      CREATED\nweb-1     2 minutes ago\n");
  }

  @Test
  void unknownFieldOrFunction_isAnError() {
    assertThatThrownBy(() -> GoTemplate.parse("{{.Nope}}").render(List.of(row("a", "b")), Map.of()))
        .hasMessageContaining("Nope");
    assertThatThrownBy(
            () -> GoTemplate.parse("{{shout .Name}}").render(List.of(row("a", "b")), Map.of()))
        .hasMessageContaining("shout");
  }
}
