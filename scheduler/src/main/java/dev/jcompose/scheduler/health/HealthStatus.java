package dev.jcompose.scheduler.health;

/** Docker's health states. */
public enum HealthStatus {
  STARTING,
  HEALTHY,
  UNHEALTHY;

  public String text() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
