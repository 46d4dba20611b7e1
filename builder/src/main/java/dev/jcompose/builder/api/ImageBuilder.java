package dev.jcompose.builder.api;

/**
 * Builds images from Dockerfiles on jcompose's own runtime and stores them in the local image
 * store, where containers use them like pulled ones. Implementation: {@code
 * dev.jcompose.builder.exec.RuntimeImageBuilder}. Thread-safe; builds may run at once.
 */
public interface ImageBuilder {

  /**
   * Builds, stores the image under every tag of the request, and reports progress to {@code
   * listener}.
   */
  BuildResult build(BuildRequest request, BuildListener listener);
}
