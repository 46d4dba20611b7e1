package dev.jcompose.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.scheduler.api.LogEntry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogPrinterTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private LogPrinter printer(boolean color, boolean prefix, boolean timestamps) {
    return new LogPrinter(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        new LogPrefixes(color),
        prefix,
        timestamps,
        false);
  }

  private static LogEntry line(long epochMillis, boolean stderr, String text) {
    return new LogEntry("c", Instant.ofEpochMilli(epochMillis), stderr, text);
  }

  @Test
  void prefix_paddedToLongestNamePlusOne_likeDockerCompose() {
    LogPrinter p = printer(false, true, false);
    p.prefixes().register("web-1");
    p.prefixes().register("db-1");

    p.print("web-1", line(0, false, "hello"));
    p.print("db-1", line(0, true, "oops"));
    p.flush();

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("web-1  | hello\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("db-1   | oops\n");
  }

  @Test
  void colour_rotatesPerContainer_andColoursWholePrefix() {
    LogPrinter p = printer(true, true, false);
    for (int i = 1; i <= 6; i++) {
      p.prefixes().register("s" + i);
    }

    p.print("s1", line(0, false, "a"));
    p.print("s2", line(0, false, "b"));
    p.print("s6", line(0, false, "c"));
    p.flush();

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "\033[36ms1  | \033[0ma\n" + "\033[33ms2  | \033[0mb\n" + "\033[36;1ms6  | \033[0mc\n");
  }

  @Test
  void timestamps_andNoPrefix_printGoRfc3339Nano() {
    LogPrinter p = printer(false, false, true);

    p.print(
        "web-1", new LogEntry("c", Instant.parse("2026-01-02T03:04:05.120000000Z"), false, "x"));
    p.print("web-1", new LogEntry("c", Instant.parse("2026-01-02T03:04:05Z"), false, "y"));
    p.flush();

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("2026-01-02T03:04:05.12Z x\n2026-01-02T03:04:05Z y\n");
  }

  @Test
  void displayName_dropsProjectPrefixOnly() {
    assertThat(LogPrefixes.displayName("demo", "demo-web-1")).isEqualTo("web-1");
    assertThat(LogPrefixes.displayName("demo", "custom-name")).isEqualTo("custom-name");
  }

  @Test
  void notice_isColouredLikeTheContainer() {
    LogPrinter p = printer(true, true, false);
    p.prefixes().register("web-1");

    p.notice("web-1", "exited with code 0");

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("\033[36mweb-1 exited with code 0\033[0m\n");
  }
}
