package dev.jcompose.runtime.volume;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * What {@code <dataRoot>/volumes/<name>/meta.json} holds. Its presence marks a complete volume: it
 * is written (atomically) only after {@code _data} exists.
 *
 * @param options the local driver's options ({@code type}, {@code o}, {@code device}), absent for a
 *     plain directory
 */
record VolumeMeta(
    @JsonProperty("Name") String name,
    @JsonProperty("Driver") String driver,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("CreatedAt") String createdAt,
    @JsonProperty("Options") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        Map<String, String> options) {}
