package dev.jcompose.builder.api;

import dev.jcompose.runtime.api.ContainerSpec.NetworkMode;
import java.nio.file.Path;

/**
 * How RUN containers with the default network reach the outside. The builder knows only the
 * runtime; whoever owns networks (the engine) supplies this. {@link #NONE} gives RUN a loopback
 * only, which is all a build that downloads nothing needs.
 */
public interface BuildNetwork {

  /** The namespace RUN container {@code id} gets. */
  NetworkMode mode(String id);

  /** Called after the container is created and before it starts: wire {@code netns}. */
  void attach(String id, Path netns);

  /** Called once the container is gone. */
  void release(String id);

  /**
   * Held for the length of one build, so what RUN steps share (a bridge) can live from the first
   * step that needs it to the end of the build instead of being made for every step.
   */
  default Session session() {
    return () -> {};
  }

  /** The end of a build. */
  interface Session extends AutoCloseable {
    @Override
    void close();
  }

  BuildNetwork NONE =
      new BuildNetwork() {
        @Override
        public NetworkMode mode(String id) {
          return new NetworkMode(NetworkMode.Kind.NONE, null);
        }

        @Override
        public void attach(String id, Path netns) {}

        @Override
        public void release(String id) {}
      };
}
