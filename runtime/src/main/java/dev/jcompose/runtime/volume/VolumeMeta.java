package dev.jcompose.runtime.volume;

import dev.jcompose.common.json.JsonName;
import java.util.Map;

/**
 * What {@code <dataRoot>/volumes/<name>/meta.json} holds. Its presence marks a complete volume: it
 * is written (atomically) only after {@code _data} exists.
 *
 * @param options the local driver's options ({@code type}, {@code o}, {@code device}), absent for a
 *     plain directory
 */
record VolumeMeta(
    @JsonName("Name") String name,
    @JsonName("Driver") String driver,
    @JsonName("Labels") Map<String, String> labels,
    @JsonName("CreatedAt") String createdAt,
    @JsonName("Options") Map<String, String> options) {}
