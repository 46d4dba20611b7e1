package dev.jcompose.scheduler.host;

import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.ImageCommit;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.ImageService;
import dev.jcompose.scheduler.api.CallSettings;
import dev.jcompose.scheduler.api.CommitOptions;
import dev.jcompose.scheduler.api.ComposeException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code commit}: the container's changes read as an OCI layer (the container frozen meanwhile, as
 * docker pauses it, so no half-written file is taken) and stored as a new image over the
 * container's own.
 */
final class Commits {
  private final ContainerRuntime runtime;
  private final ImageService images;
  private final CallSettings settings;

  Commits(ContainerRuntime runtime, ImageService images, CallSettings settings) {
    this.runtime = runtime;
    this.images = images;
    this.settings = settings;
  }

  String commit(String container, CommitOptions o) {
    ImageHandle base = runtime.spec(container).image();
    if (images.find(base.imageId()).isEmpty()) {
      throw new ComposeException(
          ComposeException.Kind.NOT_FOUND,
          "the image of container " + container + " is no longer in the store");
    }
    if (settings.dryRun()) {
      return o.reference() == null ? "" : o.reference();
    }
    Path layer = null;
    try {
      layer = Files.createTempFile("jcompose-commit-", ".tar");
      ContainerState st = runtime.state(container).orElseThrow();
      boolean freeze = o.pause() && st.status() == ContainerState.Status.RUNNING && !st.paused();
      if (freeze) {
        runtime.pause(container);
      }
      try (OutputStream out = Files.newOutputStream(layer)) {
        runtime.exportChanges(container, out);
      } finally {
        if (freeze) {
          runtime.unpause(container);
        }
      }
      ImageHandle made =
          images.commit(
              new ImageCommit(o.reference(), base, layer, o.author(), o.message(), o.changes()));
      return o.reference() == null ? made.imageId() : made.reference();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the changes of " + container, e);
    } finally {
      if (layer != null) {
        layer.toFile().delete();
      }
    }
  }
}
