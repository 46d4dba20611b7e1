package dev.jcompose.scheduler.state;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What exists on the host for one project: its containers (by labels), and the names of existing
 * networks and volumes. Immutable input of the reconciler.
 */
public record ObservedState(
    List<ObservedContainer> containers, Set<String> networks, Set<String> volumes) {

  public static ObservedState empty() {
    return new ObservedState(List.of(), Set.of(), Set.of());
  }

  /** Non-one-off containers of {@code service}, by number. */
  public List<ObservedContainer> of(String service) {
    return containers.stream()
        .filter(c -> !c.oneoff() && service.equals(c.service()))
        .sorted(Comparator.comparingInt(ObservedContainer::number))
        .toList();
  }
}
