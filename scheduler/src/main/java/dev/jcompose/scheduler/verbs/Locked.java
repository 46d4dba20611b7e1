package dev.jcompose.scheduler.verbs;

import dev.jcompose.scheduler.ops.EngineContext;

/** The project's lock held for one verb (try-with-resources). */
final class Locked implements AutoCloseable {
  private final AutoCloseable lock;

  Locked(EngineContext ctx, String project) {
    this.lock = ctx.locks().lock(project);
  }

  @Override
  public void close() {
    try {
      lock.close();
    } catch (Exception e) {
      throw new IllegalStateException("cannot release project lock", e);
    }
  }
}
