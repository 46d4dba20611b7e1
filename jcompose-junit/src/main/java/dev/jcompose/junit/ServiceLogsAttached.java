package dev.jcompose.junit;

import dev.jcompose.scheduler.api.ContainerSummary;
import java.util.List;

/**
 * Attached to a test failure (as a suppressed exception, so reports print it under the failure):
 * the state and last log lines of one failing service. Carries no stack trace of its own.
 */
public final class ServiceLogsAttached extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ServiceLogsAttached(String service, List<ContainerSummary> containers, List<String> lines) {
    super(message(service, containers, lines), null, false, false);
  }

  private static String message(
      String service, List<ContainerSummary> containers, List<String> lines) {
    StringBuilder b = new StringBuilder("service ").append(service).append(':');
    containers.forEach(c -> b.append(' ').append(c.name()).append(' ').append(c.status()));
    b.append("\n--- last ").append(lines.size()).append(" lines of its logs ---");
    lines.forEach(l -> b.append('\n').append(l));
    return b.toString();
  }
}
