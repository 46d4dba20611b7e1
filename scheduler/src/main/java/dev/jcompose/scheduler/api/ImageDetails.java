package dev.jcompose.scheduler.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A local image as {@code image ls} and {@code image inspect} show it.
 *
 * @param id the config digest ({@code sha256:...})
 * @param repoTags the references pointing at it ({@code busybox:latest})
 * @param repoDigests {@code repository@sha256:...} of the manifests it was pulled by
 * @param created the config's creation time, null when it has none
 * @param size bytes of its unpacked layers
 * @param layers diffIDs of its layers, bottom first
 * @param inUse names of the containers made from it
 */
public record ImageDetails(
    String id,
    List<String> repoTags,
    List<String> repoDigests,
    Instant created,
    long size,
    String architecture,
    String os,
    List<String> entrypoint,
    List<String> cmd,
    List<String> env,
    String workingDir,
    String user,
    List<String> exposedPorts,
    List<String> volumes,
    Map<String, String> labels,
    String stopSignal,
    List<String> layers,
    List<String> inUse) {}
