package dev.jcompose.builder.api;

/**
 * Progress of a build, as a user sees it: a step starting ({@code [build 2/4] RUN make}), coming
 * from the cache, finishing (with its duration), a line it printed, a warning, or a note such as a
 * base image being pulled.
 *
 * @param step the step's label, {@code [stage n/total] INSTRUCTION ...}; null for notes and
 *     warnings
 * @param text the output line, warning or note; null for step events
 * @param millis duration of a finished step
 */
public record BuildEvent(Kind kind, String step, String text, long millis) {
  public enum Kind {
    STEP,
    CACHED,
    DONE,
    OUTPUT,
    WARNING,
    NOTE
  }

  public static BuildEvent note(String text) {
    return new BuildEvent(Kind.NOTE, null, text, 0);
  }
}
