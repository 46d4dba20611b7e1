package dev.jcompose.model.api;

import java.util.Map;

/**
 * A top-level config: exactly one of file (absolute), environment, content or external is set.
 *
 * @param environmentValue the value of {@code environment} in the project's environment, null when
 *     unset
 */
public record Config(
    String key,
    String name,
    String file,
    String environment,
    String content,
    boolean external,
    Map<String, String> labels,
    String environmentValue) {

  public Config(
      String key,
      String name,
      String file,
      String environment,
      String content,
      boolean external,
      Map<String, String> labels) {
    this(key, name, file, environment, content, external, labels, null);
  }
}
