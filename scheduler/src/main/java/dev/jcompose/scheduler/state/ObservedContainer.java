package dev.jcompose.scheduler.state;

import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.scheduler.names.Labels;
import java.util.Map;

/**
 * A container of a project as found on the host, read from its runtime state and labels. {@code
 * incomplete} marks one whose creation an engine did not finish (e.g. killed before the network was
 * wired): it must be recreated, never started.
 */
public record ObservedContainer(
    String name, ContainerState.Status status, Map<String, String> labels, boolean incomplete) {

  public ObservedContainer(String name, ContainerState.Status status, Map<String, String> labels) {
    this(name, status, labels, false);
  }

  public static ObservedContainer of(ContainerState s) {
    return new ObservedContainer(s.id(), s.status(), s.labels() == null ? Map.of() : s.labels());
  }

  public String project() {
    return labels.get(Labels.PROJECT);
  }

  public String service() {
    return labels.get(Labels.SERVICE);
  }

  public int number() {
    try {
      return Integer.parseInt(labels.getOrDefault(Labels.NUMBER, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  public boolean oneoff() {
    return "True".equalsIgnoreCase(labels.get(Labels.ONEOFF));
  }

  public String configHash() {
    return labels.getOrDefault(Labels.CONFIG_HASH, "");
  }

  public String imageId() {
    return labels.getOrDefault(Labels.IMAGE, "");
  }

  public boolean running() {
    return status == ContainerState.Status.RUNNING;
  }
}
