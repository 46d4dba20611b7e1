package dev.jcompose.scheduler.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.scheduler.events.EventBus;
import dev.jcompose.scheduler.names.Labels;
import dev.jcompose.scheduler.testing.FakeRuntime;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {
  private static final HealthSpec FAST =
      new HealthSpec(
          List.of("CMD", "true"),
          Duration.ofMillis(20),
          Duration.ofSeconds(5),
          Duration.ZERO,
          Duration.ofMillis(20),
          3);

  private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);

  @AfterEach
  void close() {
    timer.shutdownNow();
  }

  /**
   * down stops a container whose probes exec into it every interval: once the engine means to stop
   * it, no probe may start (its exec helper would join the groups being killed and removed).
   */
  @Test
  void stopProbing_startsNoFurtherProbe_keepsTheLastStatus() throws Exception {
    FakeRuntime fake = new FakeRuntime();
    fake.healthy.add("p-checked-1");
    AtomicInteger execs = new AtomicInteger();
    ContainerRuntime counting =
        (ContainerRuntime)
            Proxy.newProxyInstance(
                ContainerRuntime.class.getClassLoader(),
                new Class<?>[] {ContainerRuntime.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("exec")) {
                    execs.incrementAndGet();
                  }
                  try {
                    return method.invoke(fake, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    HealthMonitor monitor = new HealthMonitor(counting, timer, Clock.systemUTC(), new EventBus());
    monitor.started("p-checked-1", Map.of(Labels.HEALTHCHECK, FAST.encode()));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> monitor.status("p-checked-1").orElse(null) == HealthStatus.HEALTHY);

    monitor.stopProbing("p-checked-1");
    Thread.sleep(100); // lets a probe that had begun finish
    int after = execs.get();
    Thread.sleep(200); // ten intervals
    assertThat(execs.get()).isEqualTo(after);
    assertThat(monitor.status("p-checked-1")).contains(HealthStatus.HEALTHY);
  }
}
