package dev.jcompose.cli.output;

import dev.jcompose.common.json.Json;
import dev.jcompose.scheduler.api.Event;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Progress of long verbs on stderr, stdout staying free for what scripts parse. Plain: one line per
 * event in docker compose's plain form ({@code Container demo-web-1 Started}), a layer's byte
 * counts only when its phase changes; json: one object per event as {@code --progress json} prints
 * ({@code id, parent_id, status, text, current, total, percent}); quiet: nothing; tty: {@link
 * TtyProgress}, redrawn in place. {@code quietPull} leaves image pulls out ({@code --quiet-pull}).
 */
public final class ProgressPrinter implements Consumer<Event> {
  private final PrintStream err;
  private final String mode;
  private final boolean quietPull;
  private final Map<String, String> layerPhases = new LinkedHashMap<>();

  private ProgressPrinter(PrintStream err, String mode, boolean quietPull) {
    this.err = err;
    this.mode = mode;
    this.quietPull = quietPull;
  }

  /** The old two-way choice: plain, or nothing at all. */
  public ProgressPrinter(PrintStream err, boolean quiet) {
    this(err, quiet ? "quiet" : "plain", false);
  }

  /**
   * The printer for {@code --progress} ({@code auto} = tty on a terminal unless {@code --ansi
   * never}, else plain).
   */
  public static Consumer<Event> of(
      PrintStream err, String progress, boolean terminal, boolean ansi, boolean quietPull) {
    String mode = mode(progress, terminal, ansi);
    if (mode.equals("tty")) {
      return new TtyProgress(err, quietPull);
    }
    return new ProgressPrinter(err, mode, quietPull);
  }

  /** What {@code --progress} comes to: {@code auto} is tty on a terminal unless ANSI is off. */
  public static String mode(String progress, boolean terminal, boolean ansi) {
    return progress.equals("auto") ? (terminal && ansi ? "tty" : "plain") : progress;
  }

  /** An event about an image pull or one of its layers (with --quiet-pull these are left out). */
  static boolean pull(Event e) {
    return (e.attributes() != null && e.attributes().containsKey("layer"))
        || e.resource().startsWith("Image ")
        || e.action().startsWith("Pull");
  }

  @Override
  public synchronized void accept(Event e) {
    if (mode.equals("quiet") || (quietPull && pull(e))) {
      return;
    }
    if (mode.equals("json")) {
      err.println(json(e));
    } else if (e.resource() != null && e.resource().startsWith("Build ")) {
      err.println(build(e.resource().substring(6), e.action(), e.message()));
    } else if (e.attributes() != null && e.attributes().containsKey("layer")) {
      // a layer's bytes arrive many times a second: plain output says only when its phase changes
      if (!e.action().equals(layerPhases.put(e.resource(), e.action()))) {
        err.println(
            " "
                + e.resource()
                + " "
                + e.action()
                + (e.message() == null || e.message().isEmpty() ? "" : " " + e.message()));
      }
    } else {
      StringBuilder sb =
          new StringBuilder(" ").append(e.resource()).append("  ").append(e.action());
      if (e.message() != null && !e.message().isEmpty()) {
        sb.append(' ').append(e.message());
      }
      err.println(sb);
    }
    err.flush();
  }

  private static String json(Event e) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, String> a = e.attributes() == null ? Map.of() : e.attributes();
    m.put("id", e.resource());
    if (a.containsKey("parent")) {
      m.put("parent_id", a.get("parent"));
    }
    m.put("status", e.action());
    m.put("text", e.message() == null ? "" : e.message());
    long current = parse(a.get("current"));
    long total = parse(a.get("total"));
    if (total > 0) {
      m.put("current", current);
      m.put("total", total);
      m.put("percent", (int) (current * 100 / total));
    }
    return Json.write(m);
  }

  static long parse(String s) {
    try {
      return s == null ? 0 : Long.parseLong(s);
    } catch (NumberFormatException e) {
      return 0;
    }
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
