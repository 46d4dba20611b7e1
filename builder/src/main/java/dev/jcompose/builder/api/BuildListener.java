package dev.jcompose.builder.api;

/** Receives {@link BuildEvent}s as they happen, from the build's thread. */
@FunctionalInterface
public interface BuildListener {
  void on(BuildEvent event);

  BuildListener NONE = e -> {};
}
