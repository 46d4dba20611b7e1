package dev.jcompose.junit;

import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ComposeServices;
import dev.jcompose.scheduler.client.EngineLauncher;
import java.time.Duration;
import java.util.Map;

/**
 * The compose service of the environment's state roots, as the CLI gets it ({@link
 * ComposeServices}: engine verbs over the engine's unix socket, logs read in this process). The
 * engine is made sure to run first: under Surefire this JVM's {@code java.class.path} is a launcher
 * jar deleted when the run ends, so an engine started from it would lose its classes; it is started
 * with the real test class path ({@code surefire.test.class.path}) instead, and the service then
 * finds it answering.
 */
final class EngineConnection {
  private EngineConnection() {}

  static ComposeService connect(Map<String, String> env) {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    new EngineLauncher(
            RuntimePaths.fromEnvironment(env),
            env,
            EngineLauncher.engineCommand(env, true, classPath),
            Duration.ofSeconds(60))
        .ensureRunning();
    return ComposeServices.forEnvironment(env);
  }
}
