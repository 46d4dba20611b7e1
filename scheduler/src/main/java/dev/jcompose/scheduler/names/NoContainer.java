package dev.jcompose.scheduler.names;

import dev.jcompose.scheduler.api.ComposeException;
import java.util.List;

/**
 * The failures of verbs named services have no container for: one wording whether the engine finds
 * none or the CLI, with no engine running and nothing of the project on this host, answers for it.
 */
public final class NoContainer {
  private NoContainer() {}

  /** {@code kill}, {@code pause}, {@code unpause} with services that have no container. */
  public static ComposeException forServices(List<String> services) {
    return new ComposeException(
        ComposeException.Kind.NOT_FOUND,
        "no container found for service " + String.join(", ", services));
  }

  /** {@code start} (and so {@code restart}) of a service that has no container. */
  public static ComposeException toStart(String service) {
    return new ComposeException(
        ComposeException.Kind.NOT_FOUND, "service \"" + service + "\" has no container to start");
  }
}
