package dev.jcompose.scheduler.plan;

import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.UpOptions;
import dev.jcompose.scheduler.state.ObservedState;
import java.util.Map;

/**
 * Everything the reconciler looks at.
 *
 * @param localImages image reference -> image id of images present locally (absent = not pulled)
 */
public record ReconcileInput(
    Project project, ObservedState observed, UpOptions options, Map<String, String> localImages) {}
