package dev.jcompose.scheduler.server;

/**
 * Knobs of the API server. {@code onShutdown} runs (on an event-loop thread, after the 202 answer
 * is queued) when a client asks the engine to stop; it must not block.
 */
record ServerSettings(String version, long keepAliveMillis, Runnable onShutdown) {}
