package dev.jcompose.model.api;

import java.util.Optional;

/**
 * Where the attributes of a loaded project were written, for tools that report on the resolved
 * {@link Project} with the same {@code file:line:column} prefixes as compose-file errors. Paths are
 * attribute names from the top of the merged document ({@code "services", "web", "ports", "0"}; a
 * list entry by index, or by its value such as a network name). Immutable; thread-safe.
 */
public interface SourceMap {
  /** A map of a project that was not loaded from files: nothing has a position. */
  SourceMap EMPTY =
      new SourceMap() {
        @Override
        public Optional<String> where(String... path) {
          return Optional.empty();
        }

        @Override
        public Optional<String> nearest(String... path) {
          return Optional.empty();
        }
      };

  /**
   * {@code file:line:column} of the attribute at {@code path}, or empty if the files do not write
   * it.
   */
  Optional<String> where(String... path);

  /**
   * {@code file:line:column} of the attribute, else of its nearest written parent; empty if none
   * has a position.
   */
  Optional<String> nearest(String... path);
}
