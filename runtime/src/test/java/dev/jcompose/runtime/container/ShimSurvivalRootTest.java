package dev.jcompose.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jcompose.runtime.api.ContainerState.Status;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("root")
class ShimSurvivalRootTest extends RuntimeFixture {

  @Test
  void engineKilled_containerKeepsRunning_newRuntimeAdoptsAndStops() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process engine =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                DetachedStarter.class.getName(),
                root.toString(),
                "sh-survive")
            .redirectErrorStream(true)
            .start();
    try (var in = new BufferedReader(new InputStreamReader(engine.getInputStream()))) {
      assertThat(in.readLine()).isEqualTo("started");
    } finally {
      engine.destroyForcibly(); // SIGKILL: no shutdown hooks, like a crashed engine
      engine.waitFor(10, TimeUnit.SECONDS);
    }

    var adopted = new LinuxContainerRuntime(paths, cgroups);
    assertThat(adopted.list()).containsExactly("sh-survive");
    assertThat(adopted.state("sh-survive").orElseThrow().status()).isEqualTo(Status.RUNNING);
    int before = stdout("sh-survive").size();
    await().atMost(Duration.ofSeconds(10)).until(() -> stdout("sh-survive").size() > before + 3);

    var exit = adopted.stop("sh-survive", 15, Duration.ofMillis(200));
    assertThat(exit.exitCode()).isEqualTo(137);
    adopted.delete("sh-survive");
    assertThat(adopted.list()).isEmpty();
  }
}
