package dev.jcompose.cli.output;

import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.HumanSize;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * docker compose's progress on a terminal: a {@code [+] Running done/total} header and one line per
 * resource (a pulled image's layers indented below it, with their bytes and a bar), redrawn in
 * place with ANSI cursor movement as events arrive; layer byte counts redraw at most ten times a
 * second. Thread-safe.
 */
public final class TtyProgress implements Consumer<Event> {
  private static final Set<String> DONE =
      Set.of(
          "Created",
          "Started",
          "Healthy",
          "Stopped",
          "Removed",
          "Pulled",
          "Running",
          "Exited",
          "Killed",
          "Paused",
          "Unpaused",
          "Recreated",
          "Pull complete",
          "Already exists",
          "Skipped",
          "Loaded",
          "Waiting");
  private static final long REDRAW_MILLIS = 100;
  private static final int BAR = 40;

  private final PrintStream err;
  private final boolean quietPull;
  private final Map<String, Line> lines = new LinkedHashMap<>();
  private int drawn;
  private long lastDraw;

  TtyProgress(PrintStream err, boolean quietPull) {
    this.err = err;
    this.quietPull = quietPull;
  }

  private static final class Line {
    final String parent;
    final Instant start;
    String status = "";
    String text = "";
    long current;
    long total;
    Instant end;

    Line(String parent, Instant start) {
      this.parent = parent;
      this.start = start;
    }
  }

  @Override
  public synchronized void accept(Event e) {
    if (quietPull && ProgressPrinter.pull(e)) {
      return;
    }
    Map<String, String> a = e.attributes() == null ? Map.of() : e.attributes();
    String parent = a.containsKey("layer") ? a.getOrDefault("parent", "") : null;
    Line l = lines.computeIfAbsent(e.resource(), k -> new Line(parent, e.time()));
    boolean bytesOnly = l.status.equals(e.action()) && parent != null;
    l.status = e.action();
    l.text = e.message() == null ? "" : e.message();
    l.current = ProgressPrinter.parse(a.get("current"));
    l.total = ProgressPrinter.parse(a.get("total"));
    l.end = DONE.contains(e.action()) || e.action().equals("Error") ? e.time() : null;
    long now = System.currentTimeMillis();
    if (!bytesOnly || now - lastDraw >= REDRAW_MILLIS) {
      draw(now);
    }
  }

  private void draw(long now) {
    List<String> out = new ArrayList<>();
    long done = lines.values().stream().filter(l -> l.parent == null && l.end != null).count();
    long total = lines.values().stream().filter(l -> l.parent == null).count();
    out.add("[+] Running " + done + "/" + total);
    Instant at = Instant.ofEpochMilli(now);
    lines.forEach(
        (name, l) -> {
          if (l.parent == null) {
            out.add(row(name, l, at, " "));
            lines.forEach(
                (child, c) -> {
                  if (name.equals(c.parent) || name.endsWith(" " + c.parent)) {
                    out.add(row(child, c, at, "   "));
                  }
                });
          }
        });
    lines.forEach(
        (name, l) -> {
          if (l.parent != null
              && lines.keySet().stream()
                  .noneMatch(n -> n.equals(l.parent) || n.endsWith(" " + l.parent))) {
            out.add(row(name, l, at, "   "));
          }
        });
    StringBuilder sb = new StringBuilder();
    if (drawn > 0) {
      sb.append("\033[").append(drawn).append('A');
    }
    for (String line : out) {
      sb.append("\r\033[2K").append(line).append('\n');
    }
    err.print(sb);
    err.flush();
    drawn = out.size();
    lastDraw = now;
  }

  private static String row(String name, Line l, Instant now, String indent) {
    String mark =
        l.status.equals("Error")
            ? "\033[31m✘\033[0m"
            : l.end != null ? "\033[32m✔\033[0m" : "\033[34m⠿\033[0m";
    StringBuilder sb =
        new StringBuilder(indent)
            .append(mark)
            .append(' ')
            .append(name)
            .append(' ')
            .append(l.status);
    if (l.total > 0 && l.end == null) {
      int filled = (int) Math.min(BAR, l.current * BAR / l.total);
      sb.append(" [")
          .append("=".repeat(Math.max(0, filled - 1)))
          .append(filled > 0 ? ">" : "")
          .append(" ".repeat(BAR - filled))
          .append("] ")
          .append(HumanSize.of(l.current))
          .append('/')
          .append(HumanSize.of(l.total));
    } else if (!l.text.isEmpty()) {
      sb.append(' ').append(l.text);
    }
    Duration took = Duration.between(l.start, l.end != null ? l.end : now);
    sb.append(String.format("  %.1fs", Math.max(0, took.toMillis()) / 1000.0));
    return sb.toString();
  }
}
