package dev.jcompose.builder.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellLexTest {
  private static final Map<String, String> ENV =
      Map.of(
          "PWD",
          "/home",
          "SHELL",
          "bash",
          "EMPTY",
          "",
          "KOREAN",
          "한국어",
          "FILE",
          "archive.tar.gz",
          "PATHS",
          "a/b/c");
  private final ShellLex lex = new ShellLex('\\');

  private String word(String in) {
    return lex.process(in, ENV).value();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "hello|hello",
        "he'll'o|hello",
        "he\"ll\"o|hello",
        "'$PWD'|$PWD",
        "\"$PWD\"|/home",
        "$PWD|/home",
        "${PWD}x|/homex",
        "\\$PWD|$PWD",
        "\"\\$PWD\"|$PWD",
        "\"a\\b\"|a\\b",
        "\"a\\\\b\"|a\\b",
        "a\\ b|a b",
        "${NOPE:-def}|def",
        "${EMPTY:-def}|def",
        "${EMPTY-def}|~~",
        "${NOPE-def}|def",
        "${PWD:+set}|set",
        "${EMPTY:+set}|~~",
        "${EMPTY+set}|set",
        "${NOPE+set}|~~",
        "${NOPE:-$PWD/x}|/home/x",
        "${NOPE:-'q $PWD'}|q $PWD",
        "$KOREAN|한국어",
        "${FILE%.*}|archive.tar",
        "${FILE%%.*}|archive",
        "${FILE#*.}|tar.gz",
        "${FILE##*.}|gz",
        "${PATHS/\\//-}|a-b/c",
        "${PATHS//\\//-}|a-b-c",
        "$|$",
        "a$|a$",
        "$1x|x",
        "${NOPE}|~~",
      })
  void process_expandsLikeBuildKit(String in, String out) {
    assertThat(word(in)).isEqualTo(out);
  }

  @Test
  void process_splitsWordsAfterExpansionButNotInsideQuotes() {
    Map<String, String> env = Map.of("V", "a b");
    assertThat(lex.process("x $V \"c d\" 'e f'", env).words())
        .containsExactly("x", "a", "b", "c d", "e f");
    assertThat(lex.process("x\"$V\"", env).words()).containsExactly("xa b");
  }

  @Test
  void process_reportsMatchedAndUnmatchedVariables() {
    ShellLex.Result r = lex.process("$PWD ${NOPE:-x}", ENV);
    assertThat(r.matched()).containsExactly("PWD");
    assertThat(r.unmatched()).containsExactly("NOPE");
  }

  @Test
  void process_errorModifierFailsWithTheMessage() {
    assertThatThrownBy(() -> word("${NOPE?must be set}")).hasMessageContaining("NOPE: must be set");
    assertThatThrownBy(() -> word("${EMPTY:?}"))
        .hasMessageContaining("EMPTY: is not allowed to be empty");
    assertThat(word("${EMPTY?}")).isEmpty();
  }

  @Test
  void process_malformedWordsFail() {
    assertThatThrownBy(() -> word("${PWD")).hasMessageContaining("missing '}'");
    assertThatThrownBy(() -> word("${:x}")).hasMessageContaining("bad substitution");
    assertThatThrownBy(() -> word("'abc")).hasMessageContaining("matching single-quote");
    assertThatThrownBy(() -> word("\"abc")).hasMessageContaining("matching double-quote");
    assertThatThrownBy(() -> word("${PWD^^}")).hasMessageContaining("unsupported modifier (^)");
  }

  @Test
  void skipUnsetEnv_leavesUnknownVariablesAsWritten() {
    ShellLex skip = lex.skipUnsetEnv();
    assertThat(skip.process("$NOPE ${NOPE} ${NOPE:-x} $PWD", ENV).value())
        .isEqualTo("$NOPE ${NOPE} ${NOPE:-x} /home");
  }

  @Test
  void backtickEscape_quotesInsteadOfBackslash() {
    ShellLex tick = new ShellLex('`');
    assertThat(tick.process("c:\\dir `$PWD", ENV).value()).isEqualTo("c:\\dir $PWD");
  }

  @Test
  void rawQuotes_keepsQuotesForHeredocDetection() {
    assertThat(lex.rawQuotes().process("<<'EOF'", Map.of()).words()).isEqualTo(List.of("<<'EOF'"));
  }
}
