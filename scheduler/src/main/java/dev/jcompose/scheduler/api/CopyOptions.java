package dev.jcompose.scheduler.api;

/**
 * {@code cp SRC DEST}: one side is {@code SERVICE:PATH} (a service's container, {@code index} 1 =
 * the first; with {@code all} every container of the service, one-offs included, for copies into
 * them), the other a host path or {@code -} (a tar stream on stdin/stdout).
 *
 * @param archive keep uid/gid of the source ({@code -a}); else files in a container belong to its
 *     root and copies on the host to the caller
 * @param followLink follow a symbolic link at the source path ({@code -L})
 */
public record CopyOptions(
    String source,
    String destination,
    int index,
    boolean all,
    boolean archive,
    boolean followLink) {}
