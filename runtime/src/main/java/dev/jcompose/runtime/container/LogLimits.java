package dev.jcompose.runtime.container;

/**
 * Size-based rotation of container logs, done by the monitor: the file rotates to {@code .1},
 * {@code .2}, ... once it would exceed {@code maxBytes}; {@code maxFiles} counts the current file.
 * Unbounded logs are the classic disk-full incident, so the default is on (docker's json-file
 * default is unbounded; its "local" driver keeps 20 MiB x 5). {@code maxBytes <= 0} = no rotation.
 */
public record LogLimits(long maxBytes, int maxFiles) {
  public static LogLimits defaults() {
    return new LogLimits(64L << 20, 3);
  }
}
