package dev.jcompose.model.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A fully resolved, interpolated, merged, normalised and validated compose project.
 *
 * <p>Immutable. {@link #canonical()} is the resolved model exactly as {@code docker compose config
 * --format json} prints it (keys in compose's order); the typed views below are derived from it and
 * are what the engine consumes. Services disabled by profiles are absent from {@link #services()}.
 */
public record Project(
    String name,
    Path workingDir,
    List<Path> composeFiles,
    Map<String, Service> services,
    Map<String, Network> networks,
    Map<String, Volume> volumes,
    Map<String, Secret> secrets,
    Map<String, Config> configs,
    Map<String, Object> canonical) {}
