package dev.jcompose.model.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the command line and environment decide before any compose file is parsed.
 *
 * @param projectDir absolute project directory
 * @param files absolute compose file paths in order, or "-" for stdin
 * @param environment interpolation environment: caller's environment over env-file values
 * @param profiles active profiles ({@code --profile}, else {@code COMPOSE_PROFILES})
 */
record ProjectSetup(
    Path projectDir, List<String> files, Map<String, String> environment, List<String> profiles) {}
