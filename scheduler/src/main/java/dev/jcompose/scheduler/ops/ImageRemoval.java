package dev.jcompose.scheduler.ops;

import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.ImageService;
import dev.jcompose.scheduler.names.Labels;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code down --rmi local|all}, as docker compose does it (pkg/compose/down.go): {@code local}
 * removes the images built for services without an {@code image:} ({@code <project>-<service>}),
 * {@code all} every service's image too. An image a remaining container still uses is kept with
 * compose's "Resource is still in use" warning (dockerd refuses it with a conflict), a missing one
 * is reported as compose reports it; neither fails the verb.
 */
public final class ImageRemoval {
  private final ImageService images;
  private final ContainerRuntime runtime;
  private final Progress progress;

  public ImageRemoval(ImageService images, ContainerRuntime runtime, Progress progress) {
    this.images = images;
    this.runtime = runtime;
    this.progress = progress;
  }

  /**
   * The references {@code down --rmi <mode>} removes for {@code project}, in service order: of the
   * named services only when {@code down SERVICE...} names some (docker compose's down selects the
   * services first, then their images), else of every service.
   */
  public static List<String> selected(Project project, String mode, List<String> services) {
    if (mode == null || project == null) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (Service s : project.services().values()) {
      if (services != null && !services.isEmpty() && !services.contains(s.name())) {
        continue;
      }
      if (s.image() == null || s.image().isEmpty()) {
        out.add(project.name() + "-" + s.name());
      } else if (mode.equals("all")) {
        out.add(s.image());
      }
    }
    return List.copyOf(out);
  }

  /** Removes each of {@code references} (call once the project's containers are gone). */
  public void remove(List<String> references) {
    for (String ref : references) {
      Optional<ImageHandle> image = images.find(ref);
      if (image.isEmpty()) {
        progress.image(ref, "Removed", "Warning: No resource found to remove");
      } else if (inUse(ref, image.get())) {
        progress.image(ref, "Warning", "Resource is still in use");
      } else {
        progress.image(ref, "Removing", "");
        images.remove(ref);
        progress.image(ref, "Removed", "");
      }
    }
  }

  /** Whether a container (of any project) was made from this image: its layers are its rootfs. */
  private boolean inUse(String ref, ImageHandle image) {
    return runtime.list().stream()
        .map(runtime::state)
        .flatMap(Optional::stream)
        .map(ContainerState::labels)
        .filter(Objects::nonNull)
        .anyMatch(
            l ->
                ref.equals(l.get(Labels.IMAGE_REF))
                    || (image.imageId() != null && image.imageId().equals(l.get(Labels.IMAGE))));
  }
}
