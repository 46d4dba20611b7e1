package dev.jcompose.scheduler.api;

/**
 * {@code system df}: per kind, how many there are, how many are in use, their total size and what a
 * prune could free (images no container uses, containers that are not running, volumes no container
 * mounts), in bytes.
 */
public record DiskUsage(Row images, Row containers, Row volumes) {
  public record Row(int total, int active, long size, long reclaimable) {}
}
