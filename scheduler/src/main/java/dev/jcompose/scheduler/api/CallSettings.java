package dev.jcompose.scheduler.api;

/**
 * Global flags that apply to every verb of one command: {@code --dry-run} (verbs that change state
 * report what they would do and change nothing) and {@code --parallel} (at most that many
 * operations at once; -1 = the engine's own bound).
 */
public record CallSettings(boolean dryRun, int parallel) {
  public static final CallSettings DEFAULT = new CallSettings(false, -1);
}
