package dev.jcompose.scheduler.host;

import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.ImageReference;
import dev.jcompose.runtime.api.ImageService;
import dev.jcompose.scheduler.api.ImageSummary;
import dev.jcompose.scheduler.names.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code images}: the images the project's containers use, looked up in the local image store;
 * containers first, like docker compose, and a row with an empty container for a service without
 * containers, so the user sees whether its image is local.
 */
final class ImageRows {
  private final ContainerRuntime runtime;
  private final ImageService images;

  ImageRows(ContainerRuntime runtime, ImageService images) {
    this.runtime = runtime;
    this.images = images;
  }

  List<ImageSummary> of(Project project, List<String> services) {
    List<ContainerState> containers = ProjectContainers.of(runtime, project.name(), services);
    List<ImageSummary> rows = new ArrayList<>();
    project
        .services()
        .forEach(
            (name, svc) -> {
              if (!services.isEmpty() && !services.contains(name)) {
                return;
              }
              List<ContainerState> own =
                  containers.stream()
                      .filter(c -> name.equals(ProjectContainers.label(c, Labels.SERVICE)))
                      .toList();
              own.forEach(
                  c -> {
                    String ref = ProjectContainers.label(c, Labels.IMAGE_REF);
                    rows.add(row(c.id(), ref.isEmpty() ? imageOf(project, svc) : ref));
                  });
              if (own.isEmpty()) {
                rows.add(row("", imageOf(project, svc)));
              }
            });
    return rows;
  }

  private ImageSummary row(String container, String reference) {
    Optional<ImageHandle> image = images.find(reference);
    String[] repoTag = repositoryAndTag(reference);
    return new ImageSummary(
        container,
        repoTag[0],
        repoTag[1],
        image.map(ImageHandle::imageId).orElse(null),
        image.map(ImageHandle::sizeBytes).orElse(0L));
  }

  /** docker compose names the image of a build-only service {@code <project>-<service>}. */
  private static String imageOf(Project project, Service svc) {
    return svc.image() != null ? svc.image() : project.name() + "-" + svc.name();
  }

  private static String[] repositoryAndTag(String reference) {
    try {
      ImageReference ref = ImageReference.parse(reference);
      return new String[] {ref.familiarRepository(), ref.tag() != null ? ref.tag() : "<none>"};
    } catch (RuntimeException invalid) {
      return new String[] {reference, ""};
    }
  }
}
