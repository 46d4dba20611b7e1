package dev.jcompose.scheduler.api;

/** Flags of {@code down}. */
public record DownOptions(
    boolean removeVolumes, boolean removeOrphans, Integer timeoutSeconds, String removeImages) {
  public static DownOptions defaults() {
    return new DownOptions(false, false, null, null);
  }
}
