package dev.jcompose.cli.output;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code web-1 | } prefixes of attached {@code up} and {@code logs}: the container name without
 * {@code <project>-}, left-aligned to the longest name + 1, then {@code " | "}; coloured per
 * container in docker compose's rotation (cyan, yellow, green, magenta, blue, then the same bold).
 * Containers registered later (a scaled or restarted service) widen the column from then on.
 */
public final class LogPrefixes {
  private static final String[] COLORS = {
    "36", "33", "32", "35", "34", "36;1", "33;1", "32;1", "35;1", "34;1"
  };

  private final boolean color;
  private final Map<String, String> colorOf = new LinkedHashMap<>();
  private int width;

  public LogPrefixes(boolean color) {
    this.color = color;
  }

  /** Registers a display name; returns true if it is new. */
  public synchronized boolean register(String name) {
    if (colorOf.containsKey(name)) {
      return false;
    }
    colorOf.put(name, COLORS[colorOf.size() % COLORS.length]);
    width = Math.max(width, name.length() + 1);
    return true;
  }

  public synchronized String prefix(String name) {
    register(name);
    String text = name + " ".repeat(Math.max(0, width - name.length())) + " | ";
    return paint(name, text);
  }

  /** {@code text} in the container's colour (or plain without colour). */
  public synchronized String paint(String name, String text) {
    register(name);
    return color ? "\033[" + colorOf.get(name) + "m" + text + "\033[0m" : text;
  }

  /** The name users see: {@code web-1} for {@code myproj-web-1}. */
  public static String displayName(String project, String container) {
    String p = project + "-";
    return container.startsWith(p) ? container.substring(p.length()) : container;
  }
}
