package dev.jcompose.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.runtime.api.LogLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogPrinterTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private LogPrinter printer(boolean color, boolean prefix, boolean timestamps) {
    return new LogPrinter(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), new LogPrefixes(color), prefix, timestamps, false);
  }

  private static LogLine line(long epochMillis, LogLine.Stream stream, String text) {
    return new LogLine(Instant.ofEpochMilli(epochMillis), stream, text);
  }

  @Test
  void prefix_paddedToLongestNamePlusOne_likeDockerCompose() {
    LogPrinter p = printer(false, true, false);
    p.prefixes().register("web-1");
    p.prefixes().register("db-1");

    p.print("web-1", line(0, LogLine.Stream.STDOUT, "hello"));
    p.print("db-1", line(0, LogLine.Stream.STDERR, "oops"));
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

    p.print("s1", line(0, LogLine.Stream.STDOUT, "a"));
    p.print("s2", line(0, LogLine.Stream.STDOUT, "b"));
    p.print("s6", line(0, LogLine.Stream.STDOUT, "c"));
    p.flush();

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
        "\033[36ms1  | \033[0ma\n" + "\033[33ms2  | \033[0mb\n" + "\033[36;1ms6  | \033[0mc\n");
  }

  @Test
  void timestamps_andNoPrefix_printGoRfc3339Nano() {
    LogPrinter p = printer(false, false, true);

    p.print("web-1", new LogLine(Instant.parse("2026-01-02T03:04:05.120000000Z"), LogLine.Stream.STDOUT, "x"));
    p.print("web-1", new LogLine(Instant.parse("2026-01-02T03:04:05Z"), LogLine.Stream.STDOUT, "y"));
    p.flush();

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("2026-01-02T03:04:05.12Z x\n2026-01-02T03:04:05Z y\n");
  }

  @Test
  void merge_severalContainers_interleavedByTime_stableOnTies() {
    Map<String, List<LogLine>> lines = new LinkedHashMap<>();
    lines.put("web-1", List.of(line(1, LogLine.Stream.STDOUT, "w1"), line(3, LogLine.Stream.STDOUT, "w3"), line(5, LogLine.Stream.STDOUT, "w5")));
    lines.put("db-1", List.of(line(2, LogLine.Stream.STDOUT, "d2"), line(3, LogLine.Stream.STDOUT, "d3"), line(6, LogLine.Stream.STDOUT, "d6")));

    assertThat(LogMerge.merge(lines)).extracting(t -> t.line().text()).containsExactly("w1", "d2", "w3", "d3", "w5", "d6");
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

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\033[36mweb-1 exited with code 0\033[0m\n");
  }
}
