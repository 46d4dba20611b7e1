package dev.jcompose.runtime.image;

/**
 * What the index remembers about one pulled reference. Digests are "sha256:..." strings.
 *
 * @param digest what the reference resolved to (an index digest for multi-platform images)
 * @param manifest the platform manifest's digest
 * @param config the config blob's digest, i.e. the image id
 * @param size unpacked size in bytes
 * @param pulledAt ISO-8601 instant of the last pull
 */
record ImageRecord(String digest, String manifest, String config, long size, String pulledAt) {}
