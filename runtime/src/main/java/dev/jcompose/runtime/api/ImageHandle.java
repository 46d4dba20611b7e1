package dev.jcompose.runtime.api;

import java.nio.file.Path;
import java.util.List;

/**
 * A pulled, unpacked image ready to be a rootfs.
 *
 * @param reference the normalised reference, e.g. {@code docker.io/library/redis:7}
 * @param digest manifest digest "sha256:..."
 * @param imageId config digest "sha256:..."
 * @param layerDirs unpacked layer directories, BOTTOM first (overlay lowerdir wants top first)
 * @param config the image's runtime configuration
 * @param sizeBytes unpacked size
 */
public record ImageHandle(
    String reference,
    String digest,
    String imageId,
    List<Path> layerDirs,
    ImageConfig config,
    long sizeBytes) {}
