package dev.jcompose.scheduler.client;

import java.time.Duration;

/**
 * Bounds of the client's waits. {@code query} limits short calls (version, ps, delete); {@code
 * streamIdle} is the longest silence tolerated inside a streamed answer — the engine sends a
 * keep-alive line every 10 s, so a longer silence means the engine is stuck or gone.
 */
public record ClientTimeouts(Duration connect, Duration query, Duration streamIdle) {
  public static ClientTimeouts defaults() {
    return new ClientTimeouts(
        Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(45));
  }
}
