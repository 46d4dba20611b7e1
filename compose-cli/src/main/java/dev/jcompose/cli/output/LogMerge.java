package dev.jcompose.cli.output;

import dev.jcompose.runtime.api.LogLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Interleaves the lines of several containers by time for a one-shot {@code logs}: each file is
 * already in time order, so this is a stable merge; equal times keep the containers' order.
 */
public final class LogMerge {
  private LogMerge() {}

  /** A line with the display name of the container that wrote it. */
  public record Tagged(String name, LogLine line) {}

  public static List<Tagged> merge(Map<String, List<LogLine>> byContainer) {
    List<Tagged> all = new ArrayList<>();
    byContainer.forEach((name, lines) -> lines.forEach(l -> all.add(new Tagged(name, l))));
    // List.sort is a stable merge sort (TimSort): runs already sorted per container cost little.
    all.sort(Comparator.comparing(t -> t.line().time()));
    return all;
  }
}
