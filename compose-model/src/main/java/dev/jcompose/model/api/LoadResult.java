package dev.jcompose.model.api;

import java.util.List;
import java.util.Map;

/**
 * A loaded project with what {@code config} needs beyond it.
 *
 * @param project the resolved project (enabled services only)
 * @param canonical the resolved model exactly as {@code docker compose config --format json} prints
 *     it (keys in compose's order); render it with the model's ConfigRenderer
 * @param disabledServices services switched off by profiles
 * @param allProfiles every profile any service names, sorted ({@code config --profiles})
 * @param warnings user-facing warnings from loading and normalisation, in order
 * @param sources where the enabled services' attributes were written
 */
public record LoadResult(
    Project project,
    Map<String, Object> canonical,
    List<String> disabledServices,
    List<String> allProfiles,
    List<String> warnings,
    SourceMap sources) {}
