package dev.jcompose.scheduler.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthStateTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final HealthSpec SPEC =
      new HealthSpec(
          List.of("CMD", "check"),
          Duration.ofSeconds(10),
          Duration.ofSeconds(1),
          Duration.ofSeconds(30),
          Duration.ofSeconds(2),
          3);

  private static HealthState.Result at(long seconds, int code) {
    return new HealthState.Result(
        T0.plusSeconds(seconds), T0.plusSeconds(seconds), code, "out" + code);
  }

  @Test
  void success_makesHealthy_failuresAfterRetriesMakeUnhealthy() {
    HealthState s = new HealthState(SPEC, T0);
    assertThat(s.status()).isEqualTo(HealthStatus.STARTING);
    assertThat(s.record(at(31, 0))).isTrue();
    assertThat(s.status()).isEqualTo(HealthStatus.HEALTHY);
    s.record(at(41, 1));
    s.record(at(51, 1));
    assertThat(s.status()).isEqualTo(HealthStatus.HEALTHY);
    assertThat(s.record(at(61, 1))).isTrue();
    assertThat(s.status()).isEqualTo(HealthStatus.UNHEALTHY);
  }

  @Test
  void failuresDuringStartPeriod_doNotCount() {
    HealthState s = new HealthState(SPEC, T0);
    for (int i = 1; i <= 5; i++) {
      s.record(at(i, 1));
    }
    assertThat(s.status()).isEqualTo(HealthStatus.STARTING);
    assertThat(s.failingStreak()).isZero();
  }

  @Test
  void startInterval_usedDuringStartPeriodOnly() {
    HealthState s = new HealthState(SPEC, T0);
    assertThat(s.nextDelay(T0.plusSeconds(1))).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.nextDelay(T0.plusSeconds(31))).isEqualTo(Duration.ofSeconds(10));
    s.record(at(3, 0));
    assertThat(s.nextDelay(T0.plusSeconds(4))).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void keepsLastFiveResults() {
    HealthState s = new HealthState(SPEC, T0);
    for (int i = 0; i < 7; i++) {
      s.record(at(40 + i, 0));
    }
    assertThat(s.log())
        .hasSize(5)
        .first()
        .satisfies(r -> assertThat(r.start()).isEqualTo(T0.plusSeconds(42)));
  }

  @Test
  void spec_serviceOverImage_disableAndNone() {
    var image =
        new dev.jcompose.runtime.api.ImageConfig.HealthConfig(
            List.of("CMD", "img"), 5_000_000_000L, 0, 0, 0, 4);
    var svc =
        new dev.jcompose.model.api.HealthCheck(
            null, Duration.ofSeconds(7), null, null, null, null, false);
    HealthSpec eff = HealthSpec.effective(svc, image);
    assertThat(eff.test()).containsExactly("CMD", "img");
    assertThat(eff.interval()).isEqualTo(Duration.ofSeconds(7));
    assertThat(eff.retries()).isEqualTo(4);
    assertThat(HealthSpec.decode(eff.encode())).isEqualTo(eff);
    assertThat(
            HealthSpec.effective(
                new dev.jcompose.model.api.HealthCheck(
                    List.of("NONE"), null, null, null, null, null, false),
                image))
        .isNull();
    assertThat(
            HealthSpec.effective(
                new dev.jcompose.model.api.HealthCheck(null, null, null, null, null, null, true),
                image))
        .isNull();
    assertThat(new HealthSpec(List.of("CMD-SHELL", "curl -f x"), null, null, null, null, 1).argv())
        .containsExactly("/bin/sh", "-c", "curl -f x");
  }
}
