package dev.jcompose.model.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds a depends_on cycle and names it the way compose-go's graph.CheckCycle does: {@code
 * dependency cycle detected: a -> b -> a}. Services are visited in name order so the reported cycle
 * is deterministic.
 */
final class DependencyCycles {
  private DependencyCycles() {}

  /** The first cycle found, as the list of services from its start back to the start. */
  static Optional<List<String>> find(Map<String, Set<String>> edges) {
    Set<String> done = new HashSet<>();
    for (String start : new TreeSet<>(edges.keySet())) {
      List<String> path = new ArrayList<>();
      Optional<List<String>> cycle = visit(start, edges, path, done);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    return Optional.empty();
  }

  private static Optional<List<String>> visit(
      String node, Map<String, Set<String>> edges, List<String> path, Set<String> done) {
    int at = path.indexOf(node);
    if (at >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
      cycle.add(node);
      return Optional.of(cycle);
    }
    if (done.contains(node)) {
      return Optional.empty();
    }
    path.add(node);
    for (String next : new TreeSet<>(edges.getOrDefault(node, Set.of()))) {
      Optional<List<String>> c = visit(next, edges, path, done);
      if (c.isPresent()) {
        return c;
      }
    }
    path.remove(path.size() - 1);
    done.add(node);
    return Optional.empty();
  }
}
