package dev.jcompose.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.scheduler.api.PsOptions;
import dev.jcompose.scheduler.client.RemoteComposeService;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The extension's lifecycle, observed from outside: test classes run through JUnit's test kit, then
 * the engine is asked what is left. Stacks go down (volumes too) after their class, shared stacks
 * after the run; failing services' logs ride on the failure; a stack that cannot come up is removed
 * and reported with the unhealthy service's logs.
 */
@Tag("root")
@ExtendWith(StopEngineAtEnd.class)
class ComposeStackLifecycleRootTest {
  static final Map<String, String> SEEN = new ConcurrentHashMap<>();
  private static final RemoteComposeService ENGINE =
      RemoteComposeService.forPaths(RuntimePaths.fromEnvironment(System.getenv()));

  @ComposeStack("src/test/resources/stacks/web/compose.yaml")
  static class WebCase {
    @Test
    void runs(RunningStack stack) {
      SEEN.put("web", stack.projectName());
    }
  }

  @ComposeStack(value = "src/test/resources/stacks/web/compose.yaml", shared = true)
  static class SharedA {
    @Test
    void runs(RunningStack stack) {
      SEEN.put("a", stack.projectName());
    }
  }

  @ComposeStack(value = "src/test/resources/stacks/web/compose.yaml", shared = true)
  static class SharedB {
    @Test
    void runs(RunningStack stack) {
      SEEN.put("b", stack.projectName());
      assertThat(ENGINE.ps(stack.projectName(), new PsOptions(List.of(), false, List.of())))
          .hasSize(1);
    }
  }

  @ComposeStack("src/test/resources/stacks/crash/compose.yaml")
  static class CrashCase {
    @Test
    void failsAfterTheWorkerDied(RunningStack stack) {
      SEEN.put("crash", stack.projectName());
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  ENGINE
                      .ps(stack.projectName(), new PsOptions(List.of("worker"), true, List.of()))
                      .stream()
                      .anyMatch(c -> c.state().equals("exited")));
      throw new AssertionError("the queue consumer is gone");
    }
  }

  @ComposeStack(value = "src/test/resources/stacks/broken/compose.yaml", waitTimeoutSeconds = 20)
  static class BrokenCase {
    @Test
    void neverRuns() {
      SEEN.put("broken-ran", "yes");
    }
  }

  private static EngineExecutionResults run(Class<?>... classes) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(
            Arrays.stream(classes)
                .map(c -> selectClass(c))
                .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
        .execute();
  }

  private static boolean gone(String project) {
    return ENGINE.ps(project, new PsOptions(List.of(), true, List.of())).isEmpty()
        && !Files.exists(
            RuntimePaths.fromEnvironment(System.getenv()).volumes().resolve(project + "_state"));
  }

  @Test
  void stack_isUpForTheClass_andDownWithItsVolumesAfter() {
    run(WebCase.class).testEvents().assertStatistics(s -> s.succeeded(1));
    assertThat(SEEN.get("web")).matches("web-[0-9a-f]{8}");
    assertThat(gone(SEEN.get("web"))).isTrue();
  }

  @Test
  void sharedStack_servesEveryClassOfTheRun_andGoesDownAtTheEnd() {
    run(SharedA.class, SharedB.class).testEvents().assertStatistics(s -> s.succeeded(2));
    assertThat(SEEN.get("a")).isEqualTo(SEEN.get("b"));
    assertThat(gone(SEEN.get("a"))).isTrue();
  }

  @Test
  void failingTest_carriesTheLogsOfTheServiceThatFailed() {
    Event failed = run(CrashCase.class).testEvents().failed().stream().findFirst().orElseThrow();
    Throwable t =
        failed
            .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
            .getThrowable()
            .orElseThrow();
    assertThat(t).hasMessage("the queue consumer is gone");
    assertThat(t.getSuppressed())
        .singleElement()
        .isInstanceOf(ServiceLogsAttached.class)
        .extracting(Throwable::getMessage)
        .asString()
        .startsWith("service worker:")
        .contains("worker: lost connection to the queue")
        .doesNotContain("service idle");
    assertThat(gone(SEEN.get("crash"))).isTrue();
  }

  @Test
  void stackThatNeverGetsHealthy_failsTheClass_withLogs_andLeavesNothing() {
    EngineExecutionResults results = run(BrokenCase.class);
    Throwable t =
        results.containerEvents().failed().stream()
            .findFirst()
            .orElseThrow()
            .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
            .getThrowable()
            .orElseThrow();
    assertThat(t).isInstanceOf(ComposeStackException.class).hasMessageContaining("did not come up");
    assertThat(t.getSuppressed())
        .singleElement()
        .extracting(Throwable::getMessage)
        .asString()
        .startsWith("service db:")
        .contains("db: refusing to start, no password set");
    assertThat(SEEN).doesNotContainKey("broken-ran");
    String project =
        t.getMessage().replaceAll("^stack (\\S+) .*$", "$1").lines().findFirst().orElseThrow();
    assertThat(gone(project)).isTrue();
  }
}
