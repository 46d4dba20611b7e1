package dev.jcompose.model.api;

import java.util.Map;

/** A service's {@code logging}: driver (null = the engine's) and its options. */
public record LoggingConfig(String driver, Map<String, String> options) {

  public LoggingConfig {
    options = Copies.map(options);
  }
}
