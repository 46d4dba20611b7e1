package dev.jcompose.runtime.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.runtime.api.LogLine;
import dev.jcompose.runtime.api.LogReader.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CriLogReaderTest {
  private static final String LOG =
      """
      2026-11-22T07:40:42.123456789Z stdout F one
      2026-11-22T07:40:42.200000000Z stderr P par
      2026-11-22T07:40:43.000000001Z stdout F two
      2026-11-22T07:40:43.100000000Z stderr F tial
      2026-11-22T07:40:44.000000000Z stdout F\s
      2026-11-22T07:40:45.000000000Z stdout F three é
      """;

  @TempDir Path dir;

  private List<LogLine> read(Options o) throws IOException {
    Path f = dir.resolve("c.log");
    Files.writeString(f, LOG);
    List<LogLine> out = new ArrayList<>();
    new CriLogReader().read(f, o, out::add, () -> true);
    return out;
  }

  @Test
  void read_all_joinsPartialsAndParsesTime() throws IOException {
    List<LogLine> lines = read(Options.all());

    assertThat(lines)
        .extracting(LogLine::text)
        .containsExactly("one", "two", "partial", "", "three é");
    assertThat(lines.get(0).time()).isEqualTo(Instant.parse("2026-11-22T07:40:42.123456789Z"));
    assertThat(lines.get(2).stream()).isEqualTo(LogLine.Stream.STDERR);
    assertThat(lines.get(2).time()).isEqualTo(Instant.parse("2026-11-22T07:40:42.200Z"));
  }

  @Test
  void read_tail_countsLogicalLines() throws IOException {
    assertThat(read(new Options(2, null, null, false)))
        .extracting(LogLine::text)
        .containsExactly("", "three é");
    assertThat(read(new Options(4, null, null, false)))
        .extracting(LogLine::text)
        .containsExactly("two", "partial", "", "three é");
    assertThat(read(new Options(0, null, null, false))).isEmpty();
    assertThat(read(new Options(100, null, null, false))).hasSize(5);
  }

  @Test
  void read_sinceUntil_filtersByTime() throws IOException {
    var o =
        new Options(
            -1,
            Instant.parse("2026-11-22T07:40:43Z"),
            Instant.parse("2026-11-22T07:40:45Z"),
            false);

    assertThat(read(o)).extracting(LogLine::text).containsExactly("two", "");
  }

  @Test
  void read_follow_deliversAppendedLinesUntilStopped() throws Exception {
    Path f = dir.resolve("f.log");
    Files.writeString(f, "2026-11-22T07:40:42.123456789Z stdout F a\n");
    List<String> got = new ArrayList<>();
    Thread writer =
        new Thread(
            () -> {
              try {
                Thread.sleep(120);
                Files.writeString(
                    f,
                    "2026-11-22T07:40:43.123456789Z stdout F b\n",
                    java.nio.file.StandardOpenOption.APPEND);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    writer.start();
    new CriLogReader()
        .read(
            f,
            new Options(-1, null, null, true),
            l -> got.add(l.text()) && !l.text().equals("b"),
            () -> false);
    writer.join();

    assertThat(got).containsExactly("a", "b");
  }

  @Test
  void read_rotatedFiles_oldestFirstAndTailAcrossFiles() throws IOException {
    Path f = dir.resolve("r.log");
    Files.writeString(dir.resolve("r.log.2"), "2026-11-22T07:40:40.000000000Z stdout F a\n");
    Files.writeString(
        dir.resolve("r.log.1"),
        "2026-11-22T07:40:41.000000000Z stdout F b\n2026-11-22T07:40:41.500000000Z stdout P c\n");
    Files.writeString(
        f,
        "2026-11-22T07:40:42.000000000Z stdout F d\n2026-11-22T07:40:43.000000000Z stdout F e\n");
    List<String> all = new ArrayList<>();
    List<String> tail = new ArrayList<>();
    new CriLogReader().read(f, Options.all(), l -> all.add(l.text()), () -> true);
    new CriLogReader()
        .read(f, new Options(3, null, null, false), l -> tail.add(l.text()), () -> true);

    assertThat(all).containsExactly("a", "b", "cd", "e");
    assertThat(tail).containsExactly("b", "cd", "e");
  }
}
