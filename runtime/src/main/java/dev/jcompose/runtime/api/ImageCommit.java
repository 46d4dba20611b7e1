package dev.jcompose.runtime.api;

import java.nio.file.Path;
import java.util.List;

/**
 * A new image made of {@code base} plus one layer ({@code docker commit}).
 *
 * @param reference the new image's name; null = an image known by its id only
 * @param layer an uncompressed OCI layer tar (whiteouts in {@code .wh.} form)
 * @param changes Dockerfile instructions applied to the config: CMD, ENTRYPOINT, ENV, LABEL,
 *     WORKDIR, USER, EXPOSE, VOLUME, STOPSIGNAL
 */
public record ImageCommit(
    String reference,
    ImageHandle base,
    Path layer,
    String author,
    String comment,
    List<String> changes) {
  public ImageCommit {
    changes = changes == null ? List.of() : List.copyOf(changes);
  }
}
