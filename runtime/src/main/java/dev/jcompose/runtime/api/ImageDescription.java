package dev.jcompose.runtime.api;

import java.time.Instant;
import java.util.List;

/**
 * What {@code image inspect} shows beyond an {@link ImageHandle}: from the config blob the creation
 * time and platform, and the digests the image was pulled by ({@code repo@sha256:...}).
 *
 * @param created null when the config has none
 * @param diffIds the layers' uncompressed digests, bottom first
 */
public record ImageDescription(
    ImageHandle handle,
    Instant created,
    String architecture,
    String os,
    List<String> repoDigests,
    List<String> diffIds) {}
