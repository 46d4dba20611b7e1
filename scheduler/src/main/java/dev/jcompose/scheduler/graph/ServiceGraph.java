package dev.jcompose.scheduler.graph;

import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.scheduler.api.ComposeException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The services of a project and what each needs first: {@code depends_on} entries, the service it
 * shares a network namespace with ({@code network_mode: service:x}) and {@code links}. Dependencies
 * on services absent from the project are dropped (they were checked by the model, or are {@code
 * required: false}). Construction fails with a message naming the cycle, if any.
 */
public final class ServiceGraph {
  private final Map<String, Set<String>> deps = new TreeMap<>();

  public ServiceGraph(Project p) {
    this(p.services().values());
  }

  public ServiceGraph(Collection<Service> services) {
    Set<String> names = new TreeSet<>();
    services.forEach(s -> names.add(s.name()));
    for (Service s : services) {
      Set<String> d = new TreeSet<>();
      d.addAll(s.lifecycle().dependsOn().keySet());
      d.addAll(namespaceParents(s));
      s.networking().links().forEach(l -> d.add(l.service()));
      d.retainAll(names);
      deps.put(s.name(), d);
    }
    checkAcyclic();
  }

  /**
   * The services whose first container must run before {@code s} can be created: the ones whose
   * namespaces it joins ({@code network_mode}, {@code pid}, {@code ipc}: service:x) and whose
   * mounts it copies ({@code volumes_from: x}).
   */
  public static Set<String> namespaceParents(Service s) {
    Set<String> out = new TreeSet<>();
    String net = s.networking().mode().parentService();
    if (net != null) {
      out.add(net);
    }
    for (String mode : new String[] {s.security().pid(), s.security().ipc()}) {
      if (mode != null && mode.startsWith("service:")) {
        out.add(mode.substring("service:".length()));
      }
    }
    for (String from : s.storage().volumesFrom()) {
      if (!from.startsWith("container:")) {
        out.add(from.split(":", -1)[0]);
      }
    }
    return out;
  }

  public Set<String> dependencies(String service) {
    return deps.getOrDefault(service, Set.of());
  }

  /** Services that depend directly on {@code service}, sorted. */
  public Set<String> dependants(String service) {
    Set<String> out = new TreeSet<>();
    deps.forEach(
        (s, d) -> {
          if (d.contains(service)) {
            out.add(s);
          }
        });
    return out;
  }

  /** Dependencies first; ties by name, so the order is deterministic. */
  public List<String> startOrder() {
    List<String> out = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    while (done.size() < deps.size()) {
      for (var e : deps.entrySet()) {
        if (!done.contains(e.getKey()) && done.containsAll(e.getValue())) {
          done.add(e.getKey());
          out.add(e.getKey());
          break;
        }
      }
    }
    return out;
  }

  public List<String> stopOrder() {
    List<String> out = new ArrayList<>(startOrder());
    Collections.reverse(out);
    return out;
  }

  /** {@code selected} plus everything they need, transitively. */
  public Set<String> withDependencies(Collection<String> selected) {
    Set<String> out = new TreeSet<>();
    List<String> todo = new ArrayList<>(selected);
    while (!todo.isEmpty()) {
      String s = todo.remove(todo.size() - 1);
      if (out.add(s)) {
        todo.addAll(dependencies(s));
      }
    }
    return out;
  }

  private void checkAcyclic() {
    Map<String, Integer> mark = new TreeMap<>();
    for (String s : deps.keySet()) {
      List<String> path = new ArrayList<>();
      visit(s, mark, path);
    }
  }

  private void visit(String s, Map<String, Integer> mark, List<String> path) {
    Integer m = mark.get(s);
    if (m != null && m == 2) {
      return;
    }
    path.add(s);
    if (m != null && m == 1) {
      List<String> cycle = path.subList(path.indexOf(s), path.size());
      throw new ComposeException(
          ComposeException.Kind.INVALID,
          "dependency cycle detected: " + String.join(" -> ", cycle));
    }
    mark.put(s, 1);
    for (String d : deps.get(s)) {
      visit(d, mark, path);
    }
    mark.put(s, 2);
    path.remove(path.size() - 1);
  }
}
