package dev.jcompose.scheduler.build;

import dev.jcompose.builder.api.ImageBuilder;
import dev.jcompose.runtime.api.ImageStore;

/**
 * The engine's builder, the store images are built into and pushed from, and the host's platform
 * (the only one it builds); null parts = not available (engines on fakes in tests).
 */
public record BuildTools(ImageBuilder builder, ImageStore store, String platform) {
  public static BuildTools none() {
    return new BuildTools(null, null, "linux/amd64");
  }
}
