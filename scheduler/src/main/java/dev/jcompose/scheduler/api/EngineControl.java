package dev.jcompose.scheduler.api;

import java.util.Optional;

/**
 * The background engine itself: whether it answers, starting and stopping it, and its systemd unit.
 */
public interface EngineControl {

  /** The running engine's identity, or empty when none answers. */
  Optional<Status> status();

  /**
   * Starts the engine unless one answers, as the first verb that needs it would, and returns it.
   */
  Status start();

  /** Asks the engine to exit and waits (bounded) until it has; false when none was running. */
  boolean stop();

  /** A systemd unit that starts the engine at boot, for this environment. */
  String systemdUnit();

  /**
   * A running engine.
   *
   * @param apiVersion the engine API version it speaks
   */
  record Status(long pid, String version, String apiVersion) {}
}
