package dev.jcompose.cli.output;

import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.HumanDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The per-container values {@code docker compose ps} shows, shared by the table and JSON forms. */
final class PsFormat {
  private static final int COMMAND_WIDTH = 20;

  private PsFormat() {}

  /** The command, shortened to 20 columns with "…" (unless noTrunc) and Go-quoted. */
  static String command(ContainerSummary c, boolean noTrunc) {
    String cmd = c.command() == null ? "" : c.command();
    if (!noTrunc && cmd.codePointCount(0, cmd.length()) > COMMAND_WIDTH) {
      cmd = cmd.substring(0, cmd.offsetByCodePoints(0, COMMAND_WIDTH - 1)) + "…";
    }
    return GoQuote.of(cmd);
  }

  static String runningFor(ContainerSummary c, Instant now) {
    return HumanDuration.of(Duration.between(Instant.ofEpochSecond(c.createdEpochSeconds()), now))
        + " ago";
  }

  static String id(ContainerSummary c, boolean noTrunc) {
    String id = c.id() == null ? "" : c.id();
    return noTrunc || id.length() <= 12 ? id : id.substring(0, 12);
  }

  static String labels(ContainerSummary c) {
    Map<String, String> labels = c.labels() == null ? Map.of() : c.labels();
    return labels.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }

  static String networks(ContainerSummary c) {
    List<String> n = c.networks() == null ? List.of() : c.networks();
    return String.join(",", n);
  }
}
