package dev.jcompose.scheduler.exec;

import dev.jcompose.scheduler.plan.Op;
import java.util.concurrent.CompletionStage;

/**
 * Performs one operation. Blocking work runs on the executor's threads; waits (health, completion)
 * return an incomplete stage instead of blocking a thread.
 */
@FunctionalInterface
public interface OpRunner {
  CompletionStage<Void> run(Op op) throws Exception;
}
