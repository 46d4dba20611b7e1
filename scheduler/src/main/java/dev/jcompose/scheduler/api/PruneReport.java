package dev.jcompose.scheduler.api;

import java.util.List;

/**
 * What a prune removed (names of containers, networks and volumes; for images docker's own lines,
 * {@code untagged: REF} and {@code deleted: sha256:ID}) and the bytes it freed.
 */
public record PruneReport(
    List<String> containers,
    List<String> networks,
    List<String> volumes,
    List<String> images,
    long reclaimedBytes) {
  public static PruneReport empty() {
    return new PruneReport(List.of(), List.of(), List.of(), List.of(), 0);
  }
}
