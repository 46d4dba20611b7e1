package dev.jcompose.scheduler.server;

import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.scheduler.api.EngineVerbs;
import dev.jcompose.scheduler.engine.Engine;
import java.util.Map;

/**
 * Builds the engine behind the API: the real {@link Engine}, started on this host. The system
 * property {@value #SERVICE_PROPERTY} names a {@link EngineVerbs} class with a no-argument
 * constructor instead — used by tests that run a real engine process without touching the kernel.
 */
final class EngineFactory {
  static final String SERVICE_PROPERTY = "jcompose.engine.service";

  private EngineFactory() {}

  /** A running engine: the service to serve, and how to stop it (containers keep running). */
  record Running(EngineVerbs service, AutoCloseable closer) {}

  static Running start(RuntimePaths paths, Map<String, String> env) throws Exception {
    String override = System.getProperty(SERVICE_PROPERTY);
    if (override != null) {
      EngineVerbs s =
          Class.forName(override)
              .asSubclass(EngineVerbs.class)
              .getDeclaredConstructor()
              .newInstance();
      return new Running(s, () -> {});
    }
    return startCore(paths, env);
  }

  private static Running startCore(RuntimePaths paths, Map<String, String> env) {
    Engine engine = Engine.start(paths, env);
    return new Running(engine.service(), engine);
  }
}
