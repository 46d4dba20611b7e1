package dev.jcompose.scheduler.build;

/**
 * What {@code up} does about one service's image before creating containers.
 *
 * @param image the image reference the service runs
 * @param action BUILD it; PULL it and build only if that fails (an explicit image: that may exist
 *     in a registry, docker compose's order); USE what is present; MISSING: present neither locally
 *     nor allowed to be built ({@code --no-build})
 */
public record BuildDecision(String service, String image, Action action, String reason) {
  public enum Action {
    BUILD,
    PULL_OR_BUILD,
    USE,
    MISSING
  }

  @Override
  public String toString() {
    return service + " " + action + " " + image + (reason.isEmpty() ? "" : " (" + reason + ")");
  }
}
