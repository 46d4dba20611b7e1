package dev.jcompose.scheduler.restart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.model.api.RestartPolicy;
import dev.jcompose.runtime.api.ExitStatus;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestartDeciderTest {
  @ParameterizedTest(name = "{0} exit={1} userStopped={2} count={3} -> restart={4}")
  @CsvSource({
    "no,             1, false, 0, false",
    "always,         0, false, 0, true",
    "always,         1, true,  0, false",
    "unless-stopped, 0, false, 5, true",
    "unless-stopped, 1, true,  0, false",
    "on-failure,     0, false, 0, false",
    "on-failure,     1, false, 9, true",
    "on-failure:2,   1, false, 1, true",
    "on-failure:2,   1, false, 2, false",
    "on-failure:2,   0, false, 0, false"
  })
  void decide_followsDocker(
      String policy, int exit, boolean userStopped, int count, boolean restart) {
    var d =
        RestartDecider.decide(
            RestartPolicy.parse(policy),
            new ExitStatus(exit, 0, false),
            userStopped,
            count,
            Duration.ZERO,
            null);
    assertThat(d.restart()).isEqualTo(restart);
    if (restart) {
      assertThat(d.restartCount()).isEqualTo(count + 1);
    }
  }

  @ParameterizedTest(name = "ran {0} ms after delay {1} ms -> {2} ms")
  @CsvSource({
    "0, -1, 100",
    "50, 100, 200",
    "50, 200, 400",
    "9000, 40000, 60000",
    "50, 60000, 60000",
    "10000, 6400, 100"
  })
  void backoff_doublesToOneMinute_resetAfterTenSeconds(long ranMs, long lastMs, long expectedMs) {
    Duration last = lastMs < 0 ? null : Duration.ofMillis(lastMs);
    var d =
        RestartDecider.decide(
            RestartPolicy.parse("always"),
            new ExitStatus(1, 0, false),
            false,
            0,
            Duration.ofMillis(ranMs),
            last);
    assertThat(d.delay()).isEqualTo(Duration.ofMillis(expectedMs));
  }

  @ParameterizedTest
  @CsvSource({
    "always, false, true",
    "always, true, true",
    "unless-stopped, false, true",
    "unless-stopped, true, false",
    "on-failure, false, false",
    "no, false, false"
  })
  void engineStart_bringsBackAlwaysAndNotStoppedUnlessStopped(
      String policy, boolean userStopped, boolean expected) {
    assertThat(RestartDecider.restartOnEngineStart(RestartPolicy.parse(policy), userStopped))
        .isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void deployPolicy_fixedDelayAndWindowResetsCount() {
    RestartPolicy p =
        new RestartPolicy(
            RestartPolicy.Mode.ON_FAILURE, 2, Duration.ofSeconds(3), Duration.ofSeconds(30));
    var shortRun =
        RestartDecider.decide(
            p, new ExitStatus(1, 0, false), false, 2, Duration.ofSeconds(1), null);
    var longRun =
        RestartDecider.decide(
            p, new ExitStatus(1, 0, false), false, 2, Duration.ofSeconds(31), null);
    assertThat(shortRun.restart()).isFalse();
    assertThat(longRun.restart()).isTrue();
    assertThat(longRun.delay()).isEqualTo(Duration.ofSeconds(3));
  }
}
