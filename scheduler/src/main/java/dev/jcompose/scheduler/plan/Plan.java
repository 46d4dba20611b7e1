package dev.jcompose.scheduler.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A DAG of operations in a deterministic order (a valid topological order), plus warnings. {@link
 * #toString()} is the golden text: one line per op, "id (reason) after: deps".
 */
public final class Plan {
  private final Map<String, Op> ops;
  private final List<String> warnings;

  public Plan(List<Op> ops, List<String> warnings) {
    this.ops = new LinkedHashMap<>();
    ops.forEach(o -> this.ops.put(o.id(), o));
    this.warnings = List.copyOf(warnings);
  }

  public List<Op> ops() {
    return new ArrayList<>(ops.values());
  }

  public Op op(String id) {
    return ops.get(id);
  }

  public List<String> warnings() {
    return warnings;
  }

  public boolean isEmpty() {
    return ops.isEmpty();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Op o : ops.values()) {
      sb.append(o.id());
      if (!o.reason().isEmpty()) {
        sb.append("  (").append(o.reason()).append(')');
      }
      if (!o.deps().isEmpty()) {
        sb.append("  after: ").append(String.join(", ", o.deps()));
      }
      sb.append('\n');
    }
    warnings.forEach(w -> sb.append("warning: ").append(w).append('\n'));
    return sb.length() == 0 ? "(nothing to do)\n" : sb.toString();
  }
}
