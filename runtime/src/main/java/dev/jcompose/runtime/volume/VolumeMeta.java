package dev.jcompose.runtime.volume;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * What {@code <dataRoot>/volumes/<name>/meta.json} holds. Its presence marks a complete volume: it
 * is written (atomically) only after {@code _data} exists.
 */
record VolumeMeta(
    @JsonProperty("Name") String name,
    @JsonProperty("Driver") String driver,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("CreatedAt") String createdAt) {}
