package dev.jcompose.scheduler.server;

/**
 * Knobs of the API server. {@code onShutdown} runs (on an event-loop thread, after the 202 answer
 * is queued) when a client asks the engine to stop; it must not block. {@code maxBodyBytes} bounds
 * what one request may make the engine hold in memory.
 */
record ServerSettings(
    String version, long keepAliveMillis, Runnable onShutdown, long maxBodyBytes) {
  /**
   * A project of a few hundred services encodes to well under a megabyte; docker's own API caps
   * manifests at 4 MiB. 16 MiB leaves room for any real compose file and still bounds a hostile
   * one.
   */
  static final long DEFAULT_MAX_BODY_BYTES = 16L << 20;

  ServerSettings(String version, long keepAliveMillis, Runnable onShutdown) {
    this(version, keepAliveMillis, onShutdown, DEFAULT_MAX_BODY_BYTES);
  }
}
