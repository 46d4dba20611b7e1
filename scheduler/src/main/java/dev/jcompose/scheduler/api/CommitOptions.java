package dev.jcompose.scheduler.api;

import java.util.List;

/**
 * {@code commit}: a new image from a container's changes.
 *
 * @param reference {@code repository[:tag]} of the new image; null = an image known by its id only
 * @param changes Dockerfile instructions applied to its config ({@code -c "CMD [\"sh\"]"})
 * @param pause freeze the container while its changes are read (docker's default)
 */
public record CommitOptions(
    ContainerRef container,
    String reference,
    String author,
    String message,
    List<String> changes,
    boolean pause) {
  public CommitOptions {
    changes = changes == null ? List.of() : List.copyOf(changes);
  }
}
