package dev.jcompose.model.interpolate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTest {
  private static final Map<String, String> ENV =
      Map.of("FOO", "first", "BAR", "", "JSON", "{\"a\":1}");
  private final List<String> warnings = new ArrayList<>();
  private final Template template =
      new Template(k -> Optional.ofNullable(ENV.get(k)), warnings::add);

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "$FOO|first",
        "${FOO}|first",
        "$FOO-bar|first-bar",
        "x${FOO}y|xfirsty",
        "$foo_x|",
        "${UNSET:-d}|d",
        "${BAR:-d}|d",
        "${FOO:-d}|first",
        "${UNSET-d}|d",
        "${BAR-d}|",
        "${FOO:+x}|x",
        "${BAR:+x}|",
        "${UNSET:+x}|",
        "${FOO+x}|x",
        "${BAR+x}|x",
        "${UNSET+x}|",
        "$$FOO|$FOO",
        "$${FOO}|${FOO}",
        "a $ string|a $ string",
        "^REGEX$|^REGEX$",
        "$}|$}",
        "$|$",
        "${UNSET-$FOO}|first",
        "${UNSET-${FOO} ${FOO}}|first first",
        "${BAR+$FOO ${FOO:+second}}|first second",
        "${UNSET_VAR-myerror?msg}|myerror?msg",
        "${missing:-{\"json\":1}}|{\"json\":1}",
        "${BAR:-/non:-alphanumeric}|/non:-alphanumeric",
        "${UNSET:-a}-${FOO:-b}|a-first",
        "${FOO}${FOO}|firstfirst",
        "${BAR?x}|",
        "${FOO:?x}|first",
        "${UNSET:-${UNSET2:-deep}}|deep",
        "1$2|1$2"
      })
  void substitute_forms(String in, String expected) {
    assertThat(template.substitute(in)).isEqualTo(expected == null ? "" : expected);
  }

  @Test
  void substitute_unsetWithoutDefault_warns() {
    assertThat(template.substitute("${NOPE}")).isEmpty();
    assertThat(warnings)
        .containsExactly("The \"NOPE\" variable is not set. Defaulting to a blank string.");
  }

  @Test
  void substitute_unusedDefault_isNotEvaluated() {
    assertThat(template.substitute("${FOO:-${NOPE}}")).isEqualTo("first");
    assertThat(warnings).isEmpty();
  }

  @Test
  void required_unset_errorsWithMessage() {
    assertThatThrownBy(() -> template.substitute("${NOPE:?please set NOPE}"))
        .isInstanceOf(TemplateException.class)
        .hasMessage("required variable NOPE is missing a value: please set NOPE");
  }

  @Test
  void required_emptyWithColon_errors() {
    assertThatThrownBy(() -> template.substitute("${BAR:?}"))
        .hasMessage("required variable BAR is missing a value");
  }

  @Test
  void required_messageIsInterpolated() {
    assertThatThrownBy(() -> template.substitute("${NOPE?set it, $FOO}"))
        .hasMessage("required variable NOPE is missing a value: set it, first");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"${", "${}", "${ foo}", "${foo }", "${foo!}", "x ${FOO:-a"})
  void invalid_templates_error(String in) {
    assertThatThrownBy(() -> template.substitute(in))
        .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.invalid()).isTrue());
  }
}
