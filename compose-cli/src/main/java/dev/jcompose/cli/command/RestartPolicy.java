package dev.jcompose.cli.command;

import dev.jcompose.model.api.Service;

/**
 * Whether the engine will restart a service's container after an exit, by docker's rules:
 * {@code always}/{@code unless-stopped} always, {@code on-failure[:N]} for non-zero codes;
 * {@code deploy.restart_policy} condition {@code any} / {@code on-failure} likewise. Used by
 * attached {@code up} only to keep following (the engine alone decides and counts attempts).
 */
final class RestartPolicy {
  private RestartPolicy() {}

  static boolean restarts(Service service, int exitCode) {
    if (service == null) {
      return false;
    }
    String restart = service.restart() == null ? "" : service.restart();
    if (restart.equals("always") || restart.equals("unless-stopped")) {
      return true;
    }
    if (restart.startsWith("on-failure")) {
      return exitCode != 0;
    }
    if (service.deployRestartPolicy() != null && restart.isEmpty()) {
      String condition = service.deployRestartPolicy().condition();
      return "any".equals(condition) || ("on-failure".equals(condition) && exitCode != 0);
    }
    return false;
  }
}
