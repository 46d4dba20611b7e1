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
    StringBuilder sb = new StringBuilder(" ").append(e.resource()).append("  ").append(e.action());
    if (e.message() != null && !e.message().isEmpty()) {
      sb.append(' ').append(e.message());
    }
    err.println(sb);
    err.flush();
  }
}
