package dev.jcompose.builder.exec;

import dev.jcompose.builder.api.BuildEvent;
import dev.jcompose.builder.api.BuildException;
import dev.jcompose.builder.api.BuildException.Kind;
import dev.jcompose.builder.api.BuildListener;
import dev.jcompose.builder.dockerfile.Instruction.Location;
import dev.jcompose.builder.plan.BaseImages;
import dev.jcompose.builder.plan.ImageInfo;
import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonException;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.ImageService;
import dev.jcompose.runtime.api.ImageStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Base images from the local store, pulled when missing (or always, with {@code --pull}, once per
 * build). Refuses images of another platform: there is no emulation.
 */
final class StoreImages implements BaseImages {
  private final ImageService images;
  private final ImageStore store;
  private final boolean pull;
  private final String platform;
  private final BuildListener listener;
  private final Map<String, ImageHandle> handles = new ConcurrentHashMap<>();

  StoreImages(
      ImageService images,
      ImageStore store,
      boolean pull,
      String platform,
      BuildListener listener) {
    this.images = images;
    this.store = store;
    this.pull = pull;
    this.platform = platform;
    this.listener = listener;
  }

  @Override
  public ImageInfo resolve(String reference, Location where) {
    ImageHandle h = handles.computeIfAbsent(reference, r -> find(r, where));
    JsonNode config;
    try {
      config = Json.parse(store.config(h));
    } catch (JsonException e) {
      throw malformed(reference, where, e);
    }
    if (!config.isObject()) {
      throw malformed(reference, where, null);
    }
    checkPlatform(reference, config, where);
    return new ImageInfo(h.reference(), h.imageId(), config);
  }

  private static BuildException malformed(String reference, Location where, Exception cause) {
    return new BuildException(
        Kind.INVALID, where + ": image " + reference + " has a malformed config", cause);
  }

  /** The handle a resolved reference stands for (after {@link #resolve}). */
  ImageHandle handle(String reference) {
    return handles.get(reference);
  }

  private ImageHandle find(String reference, Location where) {
    try {
      if (!pull) {
        var local = images.find(reference);
        if (local.isPresent()) {
          return local.get();
        }
      }
      listener.on(BuildEvent.note("pulling " + reference));
      return images.pull(reference, ImageService.PullProgress.NONE);
    } catch (ContainerException e) {
      Kind kind = e.kind() == ContainerException.Kind.NOT_FOUND ? Kind.NOT_FOUND : Kind.UNAVAILABLE;
      throw new BuildException(
          kind, where + ": " + where.text().strip() + ": " + e.getMessage(), e);
    }
  }

  private void checkPlatform(String reference, JsonNode config, Location where) {
    String os = config.path("os").asText("linux");
    String arch = config.path("architecture").asText("");
    String[] host = platform.split("/", -1);
    if (!arch.isEmpty() && (!os.equals(host[0]) || !arch.equals(host[1]))) {
      throw new BuildException(
          Kind.INVALID,
          where
              + ": image "
              + reference
              + " is for "
              + os
              + "/"
              + arch
              + "; only the host's platform "
              + platform
              + " can be built (no emulation)");
    }
  }
}
