package dev.jcompose.model.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.model.api.ComposeFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvTest {
  private static final Map<String, String> OS = Map.of("HOME", "/home/u", "OTHER", "os");

  private static Map<String, String> parse(String content) {
    return DotEnv.parse(content, ".env", k -> Optional.ofNullable(OS.get(k)));
  }

  @Test
  void plainLines_commentsAndBlanksIgnored() {
    assertThat(parse("# c\n\nA=1\n  B = 2  \n"))
        .containsExactly(Map.entry("A", "1"), Map.entry("B", "2"));
  }

  @Test
  void export_prefixStripped() {
    assertThat(parse("export FOO=bar\n")).containsEntry("FOO", "bar");
  }

  @Test
  void yamlStyleSeparator_accepted() {
    assertThat(parse("KEY: value\n")).containsEntry("KEY", "value");
  }

  @Test
  void empty_isSetToEmpty() {
    assertThat(parse("EMPTY=\nNEXT=x\n")).containsEntry("EMPTY", "").containsEntry("NEXT", "x");
  }

  @Test
  void bareKey_inheritedFromLookupOrAbsent() {
    assertThat(parse("OTHER\nMISSING\nA=1\n"))
        .containsExactly(Map.entry("OTHER", "os"), Map.entry("A", "1"));
  }

  @Test
  void bareKey_atEndOfFileWithoutNewline_inherited() {
    assertThat(parse("A=1\nOTHER")).containsEntry("OTHER", "os").hasSize(2);
  }

  @Test
  void inlineComment_needsSpaceBeforeHash() {
    assertThat(parse("A=val # comment\nB=val# not\n"))
        .containsEntry("A", "val")
        .containsEntry("B", "val# not");
  }

  @Test
  void doubleQuoted_keepsHashAndIgnoresTrailingComment() {
    assertThat(parse("C=\"val # not a comment\" # comment\n"))
        .containsEntry("C", "val # not a comment");
  }

  @Test
  void singleQuoted_isLiteral() {
    assertThat(parse("D='${OTHER} \\n'\n")).containsEntry("D", "${OTHER} \\n");
  }

  @Test
  void singleQuoted_escapedQuote() {
    assertThat(parse("D='it\\'s'\n")).containsEntry("D", "it's");
  }

  @Test
  void doubleQuoted_escapesThenInterpolation() {
    assertThat(parse("E=\"tab\\there\\nnl \\$HOME \\\"q\\\" $OTHER\"\n"))
        .containsEntry("E", "tab\there\nnl $HOME \"q\" os");
  }

  @Test
  void doubleQuoted_octalEscape() {
    assertThat(parse("O=\"\\0123\"\n")).containsEntry("O", "S");
  }

  @Test
  void unquoted_interpolatedWithEarlierKeys() {
    assertThat(parse("A=x\nF=${A:-y}/path\nG=$OTHER\n"))
        .containsEntry("F", "x/path")
        .containsEntry("G", "os");
  }

  @Test
  void lookup_winsOverEarlierKeys() {
    assertThat(parse("OTHER=file\nX=$OTHER\n")).containsEntry("X", "os");
  }

  @Test
  void multiLine_quotedValues() {
    assertThat(parse("G=\"line1\nline2\"\nH='a\nb'\n"))
        .containsEntry("G", "line1\nline2")
        .containsEntry("H", "a\nb");
  }

  @Test
  void trailingSpaces_trimmedOnUnquoted() {
    assertThat(parse("H=value   \r\n")).containsEntry("H", "value");
  }

  @Test
  void bom_skipped() {
    assertThat(parse("\uFEFFA=1\n")).containsEntry("A", "1");
  }

  @Test
  void keyWithSpace_rejected() {
    assertThatThrownBy(() -> parse("MY KEY=1\n"))
        .isInstanceOf(ComposeFileException.class)
        .hasMessage("failed to read .env: line 1: key cannot contain a space");
  }

  @Test
  void invalidKeyCharacter_rejected() {
    assertThatThrownBy(() -> parse("A=1\nK$Y=1\n"))
        .hasMessage(
            "failed to read .env: line 2: unexpected character \"$\" in variable name \"K$Y=1\"");
  }

  @Test
  void unterminatedQuote_rejected() {
    assertThatThrownBy(() -> parse("A=\"abc\n"))
        .hasMessageContaining("unterminated quoted value \"abc");
  }

  @Test
  void raw_format_keepsValuesVerbatim() {
    Map<String, String> env =
        DotEnv.parse(
            "# c\nA=\"q\" $HOME # x\nOTHER\n",
            "f",
            k -> Optional.ofNullable(OS.get(k)),
            DotEnv.Format.RAW);
    assertThat(env).containsExactly(Map.entry("A", "\"q\" $HOME # x"), Map.entry("OTHER", "os"));
  }

  @Test
  void projectFiles_laterOverrideEarlier_andSeeEarlierKeys(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.env"), "A=1\nB=a\n");
    Path b = Files.writeString(dir.resolve("b.env"), "B=${A}b\n");
    assertThat(DotEnv.readProjectFiles(List.of(a, b), Map.of())).containsEntry("B", "1b");
  }

  @Test
  void projectFiles_missing_errorsWithAbsolutePath(@TempDir Path dir) {
    assertThatThrownBy(() -> DotEnv.readProjectFiles(List.of(dir.resolve("nope.env")), Map.of()))
        .hasMessage("couldn't find env file: " + dir.resolve("nope.env"));
  }
}
