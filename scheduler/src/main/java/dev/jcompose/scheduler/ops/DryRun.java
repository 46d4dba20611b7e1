package dev.jcompose.scheduler.ops;

import dev.jcompose.scheduler.plan.Op;

/**
 * What {@code --dry-run} prints for an operation instead of running it: the resource and the state
 * it would reach, after docker compose's {@code DRY-RUN MODE - } prefix.
 */
public final class DryRun {
  public static final String PREFIX = "DRY-RUN MODE - ";

  private DryRun() {}

  static void report(Op op, Progress progress) {
    String done =
        switch (op.kind()) {
          case CREATE_NETWORK, CREATE_VOLUME, CREATE_CONTAINER -> "Created";
          case PULL_IMAGE -> "Pulled";
          case STOP_CONTAINER -> "Stopped";
          case REMOVE_CONTAINER, REMOVE_NETWORK, REMOVE_VOLUME -> "Removed";
          case START_CONTAINER -> "Started";
          case WAIT_STARTED -> "Started";
          case WAIT_HEALTHY -> "Healthy";
          case WAIT_COMPLETED -> "Exited";
        };
    String kind =
        switch (op.kind()) {
          case CREATE_NETWORK, REMOVE_NETWORK -> "Network";
          case CREATE_VOLUME, REMOVE_VOLUME -> "Volume";
          case PULL_IMAGE -> "Image";
          case WAIT_STARTED, WAIT_HEALTHY, WAIT_COMPLETED -> "Service";
          default -> "Container";
        };
    progress.emit(PREFIX + kind + " " + op.subject(), done, "");
  }

  /** The line for a step outside a plan (kill, pause...). */
  public static void report(Progress progress, String resource, String done) {
    progress.emit(PREFIX + resource, done, "");
  }
}
