package dev.jcompose.scheduler.health;

import java.util.Locale;

/** Docker's health states. */
public enum HealthStatus {
  STARTING,
  HEALTHY,
  UNHEALTHY;

  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }
}
