package dev.jcompose.junit;

import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.scheduler.client.EngineLauncher;
import dev.jcompose.scheduler.client.RemoteComposeService;
import dev.jcompose.testkit.HostChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For the extension's own tests: when the whole run ends (after every class's stack is down), the
 * engine the tests started is asked to exit and the private state roots are deleted, so the run
 * leaves nothing behind (checked by scripts/leakcheck). Users' engines are not the tests' business:
 * the extension never stops one.
 */
final class StopEngineAtEnd implements BeforeAllCallback {
  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(StopEngineAtEnd.class, k -> new Stopper());
  }

  private static final class Stopper implements AutoCloseable {
    @Override
    public void close() throws IOException {
      RuntimePaths paths = RuntimePaths.fromEnvironment(System.getenv());
      RemoteComposeService engine = RemoteComposeService.forPaths(paths);
      if (EngineLauncher.answers(engine)) {
        long pid = engine.version().pid();
        engine.shutdown();
        // as `jcompose engine stop`: done when the process is gone, not when the socket goes quiet
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
      }
      // nothing of the tests' stacks may outlive them: no mount, link, namespace, cgroup or rule
      // (an
      // engine of another checkout's run root is not ours to judge)
      Path root = paths.runRoot().getParent();
      List<String> leaks =
          HostChecks.leaks(paths.dataRoot(), paths.runRoot()).stream()
              .filter(l -> !l.startsWith("engine ") || l.contains(root.toString()))
              .toList();
      if (!leaks.isEmpty()) {
        throw new AssertionError("scripts/leakcheck found leftovers:\n" + String.join("\n", leaks));
      }
      if (root != null && root.getFileName().toString().startsWith("jcompose-test-")) {
        try (Stream<Path> all = Files.walk(root)) {
          all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }
}
