package dev.jcompose.scheduler.api;

import java.nio.file.Path;
import java.util.Map;

/**
 * Something that runs inside the engine process beside its API, found with {@link
 * java.util.ServiceLoader} on the engine's class path: the CLI's door, through which the engine
 * runs read-only verbs for thin clients. Started once the engine serves its socket and has written
 * its pid; closed first when the engine stops.
 */
public interface EngineAddOn {
  /** Starts the add-on for the engine serving {@code runRoot} with environment {@code env}. */
  AutoCloseable start(Path runRoot, Map<String, String> env) throws Exception;
}
