package dev.jcompose.scheduler.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accumulates operations; edges may be added later, and {@link #build} orders them topologically.
 */
final class PlanBuilder {
  private final Map<String, Op> ops = new LinkedHashMap<>();
  private final Map<String, Set<String>> deps = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  String add(Op.Kind kind, String subject, String service, String reason, List<String> after) {
    String id = Op.idOf(kind, subject);
    if (!ops.containsKey(id)) {
      ops.put(id, new Op(id, kind, subject, service, reason, List.of()));
      deps.put(id, new LinkedHashSet<>());
    }
    after.stream().filter(a -> a != null).forEach(deps.get(id)::add);
    return id;
  }

  boolean has(String id) {
    return ops.containsKey(id);
  }

  void edge(String id, String after) {
    if (ops.containsKey(id) && ops.containsKey(after)) {
      deps.get(id).add(after);
    }
  }

  void warn(String w) {
    warnings.add(w);
  }

  /** Stable topological order: an op comes as early as its insertion order and deps allow. */
  Plan build() {
    List<Op> out = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    while (done.size() < ops.size()) {
      boolean progressed = false;
      for (String id : ops.keySet()) {
        if (!done.contains(id) && done.containsAll(deps.get(id))) {
          Op o = ops.get(id);
          out.add(
              new Op(
                  id, o.kind(), o.subject(), o.service(), o.reason(), List.copyOf(deps.get(id))));
          done.add(id);
          progressed = true;
          break;
        }
      }
      if (!progressed) {
        throw new IllegalStateException("plan has a cycle among " + ops.keySet());
      }
    }
    return new Plan(out, warnings);
  }
}
