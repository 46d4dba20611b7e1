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

  BuildNetwork NONE = new BuildNetwork() {
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
