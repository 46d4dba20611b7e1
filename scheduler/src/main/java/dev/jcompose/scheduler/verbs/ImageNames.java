package dev.jcompose.scheduler.verbs;

import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.scheduler.names.ContainerNames;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The project as the engine runs it: a service that is only built gets the image name docker
 * compose gives it ({@code <project>-<service>}), so planning, containers and their labels see one
 * image reference per service. {@code config} keeps printing the file as written.
 */
final class ImageNames {
  private ImageNames() {}

  static Project apply(Project p) {
    Map<String, Service> services = new LinkedHashMap<>();
    boolean changed = false;
    for (Map.Entry<String, Service> e : p.services().entrySet()) {
      Service s = e.getValue();
      if (s.image() == null && s.build() != null) {
        s = s.toBuilder().image(ContainerNames.image(p.name(), s)).build();
        changed = true;
      }
      services.put(e.getKey(), s);
    }
    return changed
        ? new Project(
            p.name(),
            p.workingDir(),
            p.composeFiles(),
            services,
            p.networks(),
            p.volumes(),
            p.secrets(),
            p.configs())
        : p;
  }
}
