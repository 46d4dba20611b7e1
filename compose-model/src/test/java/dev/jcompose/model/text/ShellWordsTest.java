package dev.jcompose.model.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** POSIX quoting rules (XCU 2.2) as docker compose splits a string command, without expansion. */
class ShellWordsTest {

  @Test
  void blanks_separateWords_andRunsOfBlanksCountOnce() {
    assertThat(ShellWords.split(" echo \t a\r\nb  ")).containsExactly("echo", "a", "b");
    assertThat(ShellWords.split("  ")).isEmpty();
    assertThat(ShellWords.split("")).isEmpty();
  }

  @Test
  void emptyQuotedStrings_areWords() {
    assertThat(ShellWords.split("foo \"\" bar ''")).containsExactly("foo", "", "bar", "");
  }

  @Test
  void singleQuotes_keepEverythingLiterally() {
    assertThat(ShellWords.split("sh -c 'echo \"$HOME\" \\n \\\\'"))
        .containsExactly("sh", "-c", "echo \"$HOME\" \\n \\\\");
  }

  @Test
  void doubleQuotes_backslashEscapesOnlyDollarBackquoteQuoteBackslash() {
    assertThat(ShellWords.split("printf \"[%s]\\n\" a b"))
        .containsExactly("printf", "[%s]\\n", "a", "b");
    assertThat(ShellWords.split("echo \"\\$x \\` \\\" \\\\ \\t\""))
        .containsExactly("echo", "$x ` \" \\ \\t");
  }

  @Test
  void doubleQuotes_backslashNewline_isALineContinuation() {
    assertThat(ShellWords.split("echo \"a\\\nb\"")).containsExactly("echo", "ab");
  }

  @Test
  void unquotedBackslash_makesTheNextCharacterLiteral() {
    assertThat(ShellWords.split("echo c\\ d \\\"q\\\" \\n \\\\"))
        .containsExactly("echo", "c d", "\"q\"", "n", "\\");
    assertThat(ShellWords.split("echo a\\\nb")).containsExactly("echo", "ab");
  }

  @Test
  void adjacentQuotedParts_joinIntoOneWord() {
    assertThat(ShellWords.split("a'b c'\"d e\"f")).containsExactly("ab cd ef");
  }

  @Test
  void dollar_isNeverExpanded() {
    assertThat(ShellWords.split("echo $HOME \"${X:-y}\" $(date +%s) `id -u`"))
        .containsExactly("echo", "$HOME", "${X:-y}", "$(date +%s)", "`id -u`");
  }

  @Test
  void unquotedOperator_endsTheCommand_asGoShellwordsDoes() {
    assertThat(ShellWords.split("echo a; echo b")).containsExactly("echo", "a");
    assertThat(ShellWords.split("echo 'a;b' \"c|d\"")).containsExactly("echo", "a;b", "c|d");
  }

  @Test
  void malformedInput_isRefused() {
    for (String bad :
        new String[] {
          "echo 'open", "echo \"open", "echo trailing\\", "echo (x)", "echo $(date", "echo `id"
        }) {
      assertThatThrownBy(() -> ShellWords.split(bad))
          .as(bad)
          .hasMessage("invalid command line string");
    }
  }
}
