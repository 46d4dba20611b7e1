package dev.jcompose.scheduler.verbs;

import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.StoreVerbs;
import dev.jcompose.scheduler.names.Labels;
import dev.jcompose.scheduler.ops.Progress;
import dev.jcompose.scheduler.state.ObservedContainer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code down --rmi}: which images go once the containers are gone. "all": every image the services
 * name (or, without the project, the containers were made from); "local": the images without a
 * custom name, i.e. a build-only service's {@code <project>-<service>} (docker compose's rule). An
 * image another project's container still uses stays, reported as a warning.
 */
final class DownImages {
  private DownImages() {}

  static List<String> of(Project project, List<ObservedContainer> removed, String rmi) {
    if (rmi == null) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    if (project != null) {
      for (Service s : project.services().values()) {
        if (s.image() == null) {
          out.add(project.name() + "-" + s.name());
        } else if (rmi.equals("all")) {
          out.add(s.image());
        }
      }
    }
    if (rmi.equals("all")) {
      removed.forEach(
          c -> {
            String ref = c.labels().getOrDefault(Labels.IMAGE_REF, "");
            if (!ref.isEmpty()) {
              out.add(ref);
            }
          });
    }
    return List.copyOf(out);
  }

  static void remove(StoreVerbs stores, List<String> images, Progress progress) {
    for (String image : images) {
      progress.image(image, "Removing", "");
      try {
        stores.imageRemove(List.of(image), false, e -> {});
        progress.image(image, "Removed", "");
      } catch (ComposeException e) {
        if (e.kind() != ComposeException.Kind.NOT_FOUND) {
          progress.image(image, "Warning", e.getMessage());
        }
      }
    }
  }
}
