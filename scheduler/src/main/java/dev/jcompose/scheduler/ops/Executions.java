package dev.jcompose.scheduler.ops;

import dev.jcompose.scheduler.api.CallSettings;
import dev.jcompose.scheduler.exec.OpRunner;
import dev.jcompose.scheduler.exec.OptionalFailure;
import dev.jcompose.scheduler.exec.PlanExecutor;
import dev.jcompose.scheduler.host.Failures;
import dev.jcompose.scheduler.plan.Plan;
import java.util.Map;

/** Executes a plan and turns failures into progress errors and one ComposeException. */
public final class Executions {
  private Executions() {}

  public static void run(EngineContext ctx, Plan plan, OpRunner runner, Progress progress) {
    run(ctx, plan, runner, progress, CallSettings.DEFAULT);
  }

  /**
   * With {@code --dry-run} every operation is reported as docker compose's dry-run client reports
   * it ({@code DRY-RUN MODE - Container p-web-1 Started}) and none runs; {@code --parallel} bounds
   * how many run at once.
   */
  public static void run(
      EngineContext ctx, Plan plan, OpRunner runner, Progress progress, CallSettings settings) {
    if (settings.dryRun()) {
      plan.ops().forEach(op -> DryRun.report(op, progress));
      return;
    }
    int parallel = settings.parallel() > 0 ? settings.parallel() : ctx.parallelism();
    Map<String, Throwable> out = new PlanExecutor(ctx.pool(), parallel).execute(plan, runner);
    Throwable first = null;
    for (var e : out.entrySet()) {
      if (e.getValue() instanceof OptionalFailure w) {
        progress.emit(e.getKey(), "Warning", "optional dependency failed: " + w.getMessage());
      } else if (e.getValue() != null) {
        progress.emit(e.getKey(), "Error", String.valueOf(e.getValue().getMessage()));
        if (first == null) {
          first = e.getValue();
        }
      }
    }
    if (first != null) {
      throw Failures.of(first);
    }
  }
}
