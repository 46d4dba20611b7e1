package dev.jcompose.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeArgTest {
  private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

  @Test
  void goDurations_countBackFromNow() {
    assertThat(TimeArg.parse("42m", NOW, ZoneOffset.UTC))
        .isEqualTo(NOW.minus(Duration.ofMinutes(42)));
    assertThat(TimeArg.parse("1h30m", NOW, ZoneOffset.UTC)).isEqualTo(NOW.minusSeconds(5400));
    assertThat(TimeArg.parse("1.5s", NOW, ZoneOffset.UTC)).isEqualTo(NOW.minusMillis(1500));
  }

  @Test
  void numbersWithoutUnit_areUnixTimestamps_andTimesAreRfc3339() {
    assertThat(TimeArg.parse("0", NOW, ZoneOffset.UTC)).isEqualTo(Instant.EPOCH);
    assertThat(TimeArg.parse("1700000000.5", NOW, ZoneOffset.UTC))
        .isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 500_000_000L));
    assertThat(TimeArg.parse("2026-01-02T03:04:05Z", NOW, ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThatThrownBy(() -> TimeArg.parse("3x", NOW, ZoneOffset.UTC))
        .hasMessageContaining("invalid time '3x'");
  }
}
