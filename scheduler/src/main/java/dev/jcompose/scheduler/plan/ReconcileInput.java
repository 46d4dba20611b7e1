package dev.jcompose.scheduler.plan;

import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.UpOptions;
import dev.jcompose.scheduler.state.ObservedState;
import java.time.Instant;
import java.util.Map;

/**
 * Everything the reconciler looks at.
 *
 * @param localImages image reference -> image id of images present locally (absent = not pulled)
 * @param pulledAt image reference -> when it was last pulled (for daily/weekly/every_ policies)
 * @param now the time the plan is made for
 */
public record ReconcileInput(
    Project project,
    ObservedState observed,
    UpOptions options,
    Map<String, String> localImages,
    Map<String, Instant> pulledAt,
    Instant now) {

  public ReconcileInput(
      Project project, ObservedState observed, UpOptions options, Map<String, String> localImages) {
    this(project, observed, options, localImages, Map.of(), Instant.EPOCH);
  }
}
