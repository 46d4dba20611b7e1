package dev.jcompose.model.api;

import java.util.Map;

/**
 * A top-level secret: exactly one of file (absolute), environment or external is set.
 *
 * @param environmentValue the value of {@code environment} in the project's environment (the
 *     caller's shell and .env, as docker compose reads it), null when that variable is unset
 */
public record Secret(
    String key,
    String name,
    String file,
    String environment,
    boolean external,
    Map<String, String> labels,
    String environmentValue) {

  public Secret(
      String key,
      String name,
      String file,
      String environment,
      boolean external,
      Map<String, String> labels) {
    this(key, name, file, environment, external, labels, null);
  }
}
