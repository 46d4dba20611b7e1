package dev.jcompose.cli.output;

import dev.jcompose.scheduler.api.Event;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Progress of long verbs on stderr, one line per event in docker compose's plain progress form
 * ({@code Container demo-web-1 Started}); stdout stays free for what scripts parse.
 */
public final class ProgressPrinter implements Consumer<Event> {
  private final PrintStream err;
  private final boolean quiet;

  public ProgressPrinter(PrintStream err, boolean quiet) {
    this.err = err;
    this.quiet = quiet;
  }

  @Override
  public synchronized void accept(Event e) {
    if (quiet) {
      return;
    }
    if (e.resource() != null && e.resource().startsWith("Build ")) {
      err.println(build(e.resource().substring(6), e.action(), e.message()));
      err.flush();
      return;
    }
    StringBuilder sb = new StringBuilder(" ").append(e.resource()).append("  ").append(e.action());
    if (e.message() != null && !e.message().isEmpty()) {
      sb.append(' ').append(e.message());
    }
    err.println(sb);
    err.flush();
  }

  // BuildKit's plain progress, prefixed with the service: steps as "=>", their output indented.
  static String build(String service, String action, String message) {
    String m = message == null ? "" : message;
    return switch (action) {
      case "Building" -> "[+] Building " + service;
      case "Step" -> " => " + m;
      case "Cached" -> " => CACHED " + m;
      case "Done" -> " => DONE " + m;
      case "Output" -> " " + service + " | " + m;
      case "Warning" -> " WARNING: " + m;
      case "Note" -> " => " + m;
      case "Built" -> " Service " + service + "  Built " + m;
      default -> " " + service + "  " + action + " " + m;
    };
  }
}
