package dev.jcompose.scheduler.build;

import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.scheduler.build.BuildDecision.Action;
import dev.jcompose.scheduler.names.ContainerNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Decides, purely, which services' images {@code up} builds, as docker compose's {@code
 * ensureImagesExists} does: a service with a build section is built when {@code --build} is given,
 * when its {@code pull_policy} is {@code build}, or when its image is not present (an explicit
 * {@code image:} is pulled first and built only if the pull fails); {@code --no-build} never
 * builds.
 */
public final class BuildDecider {
  private BuildDecider() {}

  /**
   * What {@code up} and {@code run} build before they start anything, as docker compose decides.
   *
   * @param localImages image reference to image id of what the local store has
   * @param policy missing, always or never (up's --build / --no-build)
   */
  public static List<BuildDecision> decide(
      Project p, Collection<String> scope, Map<String, String> localImages, String policy) {
    List<BuildDecision> out = new ArrayList<>();
    for (Service s : p.services().values()) {
      if (s.build() == null || !scope.contains(s.name())) {
        continue;
      }
      String image = ContainerNames.image(p.name(), s);
      boolean present = localImages.containsKey(image);
      out.add(decide(s, image, present, policy));
    }
    return out;
  }

  private static BuildDecision decide(Service s, String image, boolean present, String policy) {
    if ("never".equals(policy)) {
      return new BuildDecision(
          s.name(), image, present ? Action.USE : Action.MISSING, present ? "" : "--no-build");
    }
    if ("always".equals(policy)) {
      return new BuildDecision(s.name(), image, Action.BUILD, "--build");
    }
    if ("build".equals(s.pullPolicy())) {
      return new BuildDecision(s.name(), image, Action.BUILD, "pull_policy build");
    }
    if (present && !"always".equals(s.pullPolicy())) {
      return new BuildDecision(s.name(), image, Action.USE, "present");
    }
    if (s.image() != null && !"never".equals(s.pullPolicy())) {
      return new BuildDecision(
          s.name(), image, Action.PULL_OR_BUILD, present ? "pull_policy always" : "missing");
    }
    return new BuildDecision(s.name(), image, Action.BUILD, "missing");
  }
}
