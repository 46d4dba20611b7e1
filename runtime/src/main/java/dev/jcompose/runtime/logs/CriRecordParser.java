package dev.jcompose.runtime.logs;

import dev.jcompose.runtime.api.LogLine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Predicate;

/**
 * Parses jcshim log records {@code <RFC3339Nano UTC> <stdout|stderr> <F|P> <text>\n} and joins P
 * pieces into whole lines. Works on byte ranges so a million lines parse without regexes; the epoch
 * second is cached per distinct "YYYY-MM-DDTHH:MM:SS" prefix.
 */
final class CriRecordParser {
  private static final int TS_LEN = 30;
  private static final int HEADER = TS_LEN + 10; // ts + " stdout F "

  private final ByteArrayOutputStream[] pending = {
    new ByteArrayOutputStream(), new ByteArrayOutputStream()
  };
  private final Instant[] pendingTime = new Instant[2];
  private final byte[] cachedPrefix = new byte[19];
  private long cachedSecond = Long.MIN_VALUE;

  /**
   * Parses the complete records in buf[off, end); returns the offset after the last one consumed,
   * or -1 when {@code sink} asked to stop.
   */
  int parse(byte[] buf, int off, int end, Predicate<LogLine> sink) {
    int pos = off;
    while (pos < end) {
      int nl = indexOf(buf, pos, end);
      if (nl < 0) {
        break;
      }
      if (nl - pos >= HEADER - 1 && !record(buf, pos, nl, sink)) {
        return -1;
      }
      pos = nl + 1;
    }
    return pos;
  }

  private boolean record(byte[] b, int start, int nl, Predicate<LogLine> sink) {
    int s = b[start + TS_LEN + 4] == 'o' ? 0 : 1; // " stdout" vs " stderr": 4th letter
    boolean full = b[start + TS_LEN + 8] == 'F';
    int textStart = Math.min(start + HEADER, nl);
    Instant time = time(b, start);
    if (!full) {
      if (pending[s].size() == 0) {
        pendingTime[s] = time;
      }
      pending[s].write(b, textStart, nl - textStart);
      return true;
    }
    String text;
    if (pending[s].size() > 0) {
      pending[s].write(b, textStart, nl - textStart);
      text = pending[s].toString(StandardCharsets.UTF_8);
      time = pendingTime[s];
      pending[s].reset();
    } else {
      text = new String(b, textStart, nl - textStart, StandardCharsets.UTF_8);
    }
    return sink.test(
        new LogLine(time, s == 0 ? LogLine.Stream.STDOUT : LogLine.Stream.STDERR, text));
  }

  static int indexOf(byte[] b, int from, int end) {
    for (int i = from; i < end; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  Instant time(byte[] b, int start) {
    if (!samePrefix(b, start)) {
      System.arraycopy(b, start, cachedPrefix, 0, 19);
      LocalDateTime dt =
          LocalDateTime.of(
              num(b, start, 4),
              num(b, start + 5, 2),
              num(b, start + 8, 2),
              num(b, start + 11, 2),
              num(b, start + 14, 2),
              num(b, start + 17, 2));
      cachedSecond = dt.toEpochSecond(ZoneOffset.UTC);
    }
    return Instant.ofEpochSecond(cachedSecond, num(b, start + 20, 9));
  }

  private boolean samePrefix(byte[] b, int start) {
    if (cachedSecond == Long.MIN_VALUE) {
      return false;
    }
    for (int i = 18; i >= 0; i--) {
      if (b[start + i] != cachedPrefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int num(byte[] b, int at, int len) {
    int v = 0;
    for (int i = 0; i < len; i++) {
      v = v * 10 + (b[at + i] - '0');
    }
    return v;
  }
}
