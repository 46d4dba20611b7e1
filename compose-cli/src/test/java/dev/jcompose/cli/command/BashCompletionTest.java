package dev.jcompose.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.cli.JcomposeCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated bash completion, run by a real bash as the shell runs it on TAB: COMP_WORDS and
 * COMP_CWORD set, the function called, COMPREPLY printed. The project's services come from a {@code
 * jcompose} shell function answering {@code __complete services} (the e2e test asks the real CLI).
 */
class BashCompletionTest {
  @TempDir static Path dir;
  private static Path script;

  @BeforeAll
  static void generate() throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertThat(JcomposeCli.execute("completion", "bash")).isZero();
    } finally {
      System.setOut(saved);
    }
    script = dir.resolve("jcompose.bash");
    Files.writeString(script, buf.toString(StandardCharsets.UTF_8));
  }

  @Test
  void firstWord_offersTheVerbs() throws Exception {
    assertThat(complete("jcompose", "st")).isEqualTo("start stats stop");
  }

  @Test
  void aVerbsOptions_evenAfterAGlobalOptionsValue() throws Exception {
    assertThat(complete("jcompose", "-f", "other.yaml", "up", "--abort"))
        .isEqualTo("--abort-on-container-exit --abort-on-container-failure");
    assertThat(complete("jcompose", "--project-name", "demo", "image", "")).startsWith("ls rm ");
  }

  @Test
  void serviceArguments_offerTheProjectsServices() throws Exception {
    assertThat(complete("jcompose", "logs", "")).isEqualTo("db web");
    assertThat(complete("jcompose", "-p", "demo", "--ansi", "never", "restart", "w"))
        .isEqualTo("web");
  }

  @Test
  void aGlobalOptionsValue_isNotTakenForTheVerb() throws Exception {
    // "-p logs" names a project called logs: the verb is still to come
    assertThat(complete("jcompose", "-p", "logs", "sta")).isEqualTo("start stats");
  }

  /** COMPREPLY for the words typed so far, the last one being completed. */
  private static String complete(String... words) throws Exception {
    StringBuilder line =
        new StringBuilder("jcompose() { [[ $1 == __complete ]] && printf 'db\\nweb\\n'; }\n");
    line.append("source '").append(script).append("'\nCOMP_WORDS=(");
    for (String w : words) {
      line.append('\'').append(w).append("' ");
    }
    line.append(")\nCOMP_CWORD=").append(words.length - 1).append('\n');
    line.append("_jcompose_complete\necho \"${COMPREPLY[*]}\"\n");
    Process p = new ProcessBuilder("bash", "--norc", "-c", line.toString()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isZero();
    assertThat(err).isEmpty();
    return out;
  }
}
