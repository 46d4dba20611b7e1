package dev.jcompose.scheduler.api;

/**
 * A row of {@code images}: an image a container (or, without containers, a service) uses.
 *
 * @param container the container's name; empty for a service without containers
 * @param repository familiar repository name ({@code redis}, {@code ghcr.io/x/y}); the reference as
 *     written if unparsable
 * @param tag the tag, {@code <none>} for digests only
 * @param imageId {@code sha256:...}; null when the image is not in the local store
 * @param sizeBytes 0 when not local
 */
public record ImageSummary(
    String container, String repository, String tag, String imageId, long sizeBytes) {}
