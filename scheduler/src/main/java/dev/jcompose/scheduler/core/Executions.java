package dev.jcompose.scheduler.core;

import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.exec.OpRunner;
import dev.jcompose.scheduler.exec.PlanExecutor;
import dev.jcompose.scheduler.plan.Plan;
import java.util.Map;

/** Executes a plan and turns failures into progress errors and one ComposeException. */
final class Executions {
  private Executions() {}

  static void run(EngineContext ctx, Plan plan, OpRunner runner, Progress progress) {
    Map<String, Throwable> out = new PlanExecutor(ctx.pool(), ctx.parallelism()).execute(plan, runner);
    Throwable first = null;
    for (var e : out.entrySet()) {
      if (e.getValue() instanceof dev.jcompose.scheduler.exec.OptionalFailure w) {
        progress.emit(e.getKey(), "Warning", "optional dependency failed: " + w.getMessage());
      } else if (e.getValue() != null) {
        progress.emit(e.getKey(), "Error", String.valueOf(e.getValue().getMessage()));
        if (first == null) {
          first = e.getValue();
        }
      }
    }
    if (first instanceof ComposeException ce) {
      throw ce;
    }
    if (first != null) {
      throw new ComposeException(kind(first), String.valueOf(first.getMessage()), first);
    }
  }

  private static ComposeException.Kind kind(Throwable t) {
    Throwable c = t;
    while (c != null) {
      if (c instanceof ComposeException ce) {
        return ce.kind();
      }
      if (c instanceof dev.jcompose.runtime.api.ContainerException ce) {
        return ComposeException.Kind.valueOf(ce.kind().name());
      }
      if (c instanceof dev.jcompose.netmgr.api.NetworkException ne) {
        return ComposeException.Kind.valueOf(ne.kind().name());
      }
      c = c.getCause();
    }
    return ComposeException.Kind.INTERNAL;
  }
}
