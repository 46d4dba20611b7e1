package dev.jcompose.builder.ignore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatternMatcherTest {

  private static PatternMatcher of(String dockerignore) {
    return PatternMatcher.of(IgnoreFile.patterns(dockerignore));
  }

  @ParameterizedTest(name = "{0} ~ {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "*/temp*|somedir/temporary.txt|true",
        "*/temp*|temp|false",
        "*/temp*|a/b/temp|false",
        "*/*/temp*|a/b/temp.txt|true",
        "temp?|temp1|true",
        "temp?|temp12|false",
        "**/*.go|main.go|true",
        "**/*.go|a/b/c.go|true",
        "**/*.go|a/b/c.gox|false",
        "docs|docs/a/b.md|true",
        "docs|docsx|false",
        "/secret|secret|true",
        "./a/../secret|secret|true",
        "node_modules/**|node_modules/x/y|true",
        "node_modules/**|node_modules|false",
        "**|anything/at/all|true",
        "a/**/b|a/b|true",
        "a/**/b|a/x/y/b|true",
        "[ab].txt|b.txt|true",
        "[^ab].txt|b.txt|false",
        "a\\*b|a*b|true",
        "a\\*b|axb|false",
        "*.(x)|y.(x)|true",
      })
  void matches_followsDockerSemantics(String pattern, String path, boolean ignored) {
    assertThat(of(pattern).matches(path)).isEqualTo(ignored);
  }

  @Test
  void matches_laterExceptionsReinclude() {
    PatternMatcher m = of("*.md\n!README*.md\nREADME-secret.md\n");
    assertThat(m.matches("CHANGES.md")).isTrue();
    assertThat(m.matches("README.md")).isFalse();
    assertThat(m.matches("README-secret.md")).isTrue();
  }

  @Test
  void matches_exceptionInsideIgnoredDirectory() {
    PatternMatcher m = of("docs\n!docs/keep.md\n");
    assertThat(m.matches("docs/drop.md")).isTrue();
    assertThat(m.matches("docs/keep.md")).isFalse();
    assertThat(m.mayIncludeBelow("docs")).isTrue();
    assertThat(m.mayIncludeBelow("other")).isFalse();
  }

  @Test
  void matches_neverIgnoresTheRoot() {
    assertThat(of("**").matches(".")).isFalse();
  }

  @Test
  void patterns_dropCommentsAndBlankLinesAndCleanPaths() {
    assertThat(IgnoreFile.patterns("# c\n\n  /a/./b/  \n! c//d\n #not a comment\n"))
        .isEqualTo(List.of("a/b", "!c/d", "#not a comment"));
  }

  @Test
  void of_rejectsALoneExclamationMark() {
    assertThatThrownBy(() -> PatternMatcher.of(List.of("!")))
        .hasMessageContaining("illegal exclusion pattern");
  }

  @Test
  void of_rejectsBrokenCharacterClasses() {
    assertThatThrownBy(() -> of("[a").matches("x")).hasMessageContaining("syntax error in pattern");
  }
}
