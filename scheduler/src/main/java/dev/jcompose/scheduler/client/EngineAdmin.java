package dev.jcompose.scheduler.client;

import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.scheduler.api.EngineControl;
import dev.jcompose.scheduler.wire.Requests;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** {@link EngineControl} over the engine's socket. */
final class EngineAdmin implements EngineControl {
  private static final long STOP_WAIT_SECONDS = 30;
  private final RemoteComposeService client;
  private final Map<String, String> env;

  EngineAdmin(Map<String, String> env) {
    this.client = RemoteComposeService.forPaths(RuntimePaths.fromEnvironment(env));
    this.env = env;
  }

  @Override
  public Optional<Status> status() {
    if (!EngineLauncher.answers(client)) {
      return Optional.empty();
    }
    Requests.Version v = client.version();
    return Optional.of(new Status(v.pid(), v.version(), v.apiVersion()));
  }

  @Override
  public Status start() {
    EngineLauncher.forThisJvm(env).ensureRunning();
    return status()
        .orElseThrow(() -> new IllegalStateException("the engine started but does not answer"));
  }

  @Override
  public boolean stop() {
    Optional<Status> running = status();
    if (running.isEmpty()) {
      return false;
    }
    client.shutdown();
    ProcessHandle.of(running.get().pid())
        .ifPresent(p -> p.onExit().orTimeout(STOP_WAIT_SECONDS, TimeUnit.SECONDS).join());
    return true;
  }

  @Override
  public String systemdUnit() {
    return SystemdUnit.render(env);
  }
}
