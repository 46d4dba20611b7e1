package dev.jcompose.scheduler.client;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of the engine log, appended to start-up failures so users see why. */
final class EngineLogTail {
  private static final int LINES = 5;
  private static final int MAX_BYTES = 8192;

  private EngineLogTail() {}

  static String of(Path log) {
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      long start = Math.max(0, f.length() - MAX_BYTES);
      byte[] bytes = new byte[(int) (f.length() - start)];
      f.seek(start);
      f.readFully(bytes);
      List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n"));
      List<String> tail = lines.subList(Math.max(0, lines.size() - LINES), lines.size());
      return tail.isEmpty() ? "" : "; last lines of " + log + ":\n  " + String.join("\n  ", tail);
    } catch (IOException e) {
      return "";
    }
  }
}
