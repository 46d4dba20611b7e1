package dev.jcompose.junit;

import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.client.EngineLauncher;
import java.time.Duration;
import java.util.Map;

/**
 * The engine of the environment's state roots, through the scheduler's unix-socket client; one is
 * started (detached, as the CLI starts it) when none answers. Under Surefire the JVM's
 * {@code java.class.path} is a launcher jar that is deleted when the run ends, so the engine gets
 * the real test class path ({@code surefire.test.class.path}) instead.
 */
final class EngineConnection {
  private EngineConnection() {}

  static ComposeService connect(Map<String, String> env) {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    EngineLauncher launcher = new EngineLauncher(RuntimePaths.fromEnvironment(env), env,
        EngineLauncher.engineCommand(env, true, classPath), Duration.ofSeconds(60));
    return launcher.ensureRunning();
  }
}
