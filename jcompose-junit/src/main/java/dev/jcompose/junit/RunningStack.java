package dev.jcompose.junit;

import java.util.List;

/** A stack that {@link ComposeStack} brought up: its project name, endpoints and logs. */
public interface RunningStack {
  String projectName();

  /**
   * The published address of {@code containerPort}/{@code protocol} of the service's first
   * container.
   */
  ServiceEndpoint endpoint(String service, int containerPort, String protocol);

  default ServiceEndpoint endpoint(String service, int containerPort) {
    return endpoint(service, containerPort, "tcp");
  }

  /** The last {@code lines} lines the service's containers printed (stdout and stderr, by time). */
  List<String> logs(String service, int lines);
}
