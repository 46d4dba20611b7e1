package dev.jcompose.cli.command;

import dev.jcompose.cli.output.Units;
import dev.jcompose.scheduler.api.PruneReport;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * How the prune verbs ({@code image}, {@code volume}, {@code system prune}) talk, as docker's do:
 * the warning and its confirmation unless {@code -f}, then a section per kind of thing deleted
 * (title, one line each, a blank line; empty kinds left out) and the total reclaimed space.
 */
final class PruneOutput {
  /** A kind of thing a prune deletes, in the order docker prints them. */
  enum Section {
    CONTAINERS("Deleted Containers:"),
    NETWORKS("Deleted Networks:"),
    VOLUMES("Deleted Volumes:"),
    IMAGES("Deleted Images:");

    private final String title;

    Section(String title) {
      this.title = title;
    }

    List<String> items(PruneReport r) {
      return switch (this) {
        case CONTAINERS -> r.containers();
        case NETWORKS -> r.networks();
        case VOLUMES -> r.volumes();
        case IMAGES -> r.images();
      };
    }
  }

  private PruneOutput() {}

  /**
   * Asks (unless {@code force}) with {@code warning}, then runs {@code prune} and prints its {@code
   * sections}; a declined prune does nothing. Returns the exit code (0 either way).
   */
  static int confirmAndPrune(
      boolean force, String warning, Supplier<PruneReport> prune, Section... sections)
      throws IOException {
    if (!force && !Confirm.ask(warning)) {
      return 0;
    }
    PrintStream out = CommandContext.out();
    print(out, prune.get(), sections);
    out.flush();
    return 0;
  }

  static void print(PrintStream out, PruneReport r, Section... sections) {
    for (Section s : sections) {
      List<String> items = s.items(r);
      if (!items.isEmpty()) {
        out.println(s.title);
        items.forEach(out::println);
        out.println();
      }
    }
    out.println("Total reclaimed space: " + Units.decimal(r.reclaimedBytes()));
  }
}
