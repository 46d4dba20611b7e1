package dev.jcompose.model.api;

import java.time.Duration;
import java.util.List;

/**
 * A service's {@code healthcheck}. {@code test} is the long form: ["NONE"], ["CMD", args...] or
 * ["CMD-SHELL", cmd]; null means "the image's HEALTHCHECK". Durations and retries are null when
 * unset (the image's, else docker's defaults apply).
 */
public record HealthCheck(
    List<String> test,
    Duration interval,
    Duration timeout,
    Integer retries,
    Duration startPeriod,
    Duration startInterval,
    boolean disable) {

  public HealthCheck {
    test = Copies.listOrNull(test);
  }
}
