package dev.jcompose.common.time;

import static dev.jcompose.common.time.GoDuration.Units.COMPOSE;
import static dev.jcompose.common.time.GoDuration.Units.GO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GoDurationTest {

  @Test
  void format_isGoStringForm() {
    assertThat(GoDuration.format(GoDuration.parseNanos("90s", GO))).isEqualTo("1m30s");
    assertThat(GoDuration.format(GoDuration.parseNanos("10s", GO))).isEqualTo("10s");
    assertThat(GoDuration.format(GoDuration.parseNanos("1h", GO))).isEqualTo("1h0m0s");
    assertThat(GoDuration.format(GoDuration.parseNanos("1.5h", GO))).isEqualTo("1h30m0s");
    assertThat(GoDuration.format(GoDuration.parseNanos("500ms", GO))).isEqualTo("500ms");
    assertThat(GoDuration.format(GoDuration.parseNanos("1m30s20ms", GO))).isEqualTo("1m30.02s");
    assertThat(GoDuration.format(GoDuration.parseNanos("2us", GO))).isEqualTo("2µs");
    assertThat(GoDuration.format(GoDuration.parseNanos("0", GO))).isEqualTo("0s");
    assertThat(GoDuration.format(-1_500_000_000L)).isEqualTo("-1.5s");
  }

  @Test
  void parse_signsMicroSignsAndFractions() {
    assertThat(GoDuration.parseNanos("-1m", GO)).isEqualTo(-60_000_000_000L);
    assertThat(GoDuration.parseNanos("+2µs", GO)).isEqualTo(2_000L);
    assertThat(GoDuration.parseNanos("3μs", GO)).isEqualTo(3_000L);
    assertThat(GoDuration.parseNanos(".5s", GO)).isEqualTo(500_000_000L);
  }

  @Test
  void daysAndWeeks_areComposeUnitsOnly() {
    assertThat(GoDuration.parseNanos("1d", COMPOSE)).isEqualTo(86_400_000_000_000L);
    assertThat(GoDuration.parseNanos("1w1d", COMPOSE)).isEqualTo(8 * 86_400_000_000_000L);
    assertThatThrownBy(() -> GoDuration.parseNanos("1d", GO))
        .hasMessage("time: unknown unit \"d\" in duration \"1d\"");
  }

  @Test
  void badText_failsWithGoMessages() {
    assertThatThrownBy(() -> GoDuration.parseNanos("30", COMPOSE))
        .hasMessage("time: missing unit in duration \"30\"");
    assertThatThrownBy(() -> GoDuration.parseNanos("3x", GO))
        .hasMessage("time: unknown unit \"x\" in duration \"3x\"");
    for (String bad : new String[] {"", "-", "s", "1..2s", "1s-"}) {
      assertThatThrownBy(() -> GoDuration.parseNanos(bad, GO))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("time: ");
    }
  }

  @Test
  void fractionsSignsAndLimits_asGo() {
    assertThat(GoDuration.parseNanos(".5s", GO)).isEqualTo(500_000_000L);
    assertThat(GoDuration.parseNanos("1.s", GO)).isEqualTo(1_000_000_000L);
    assertThat(GoDuration.parseNanos("1.000000001s", GO)).isEqualTo(1_000_000_001L);
    assertThat(GoDuration.parseNanos("0.1h", GO)).isEqualTo(360_000_000_000L);
    assertThat(GoDuration.parseNanos("-1m30s", GO)).isEqualTo(-90_000_000_000L);
    assertThat(GoDuration.parseNanos("+2w", COMPOSE)).isEqualTo(1_209_600_000_000_000L);
    assertThat(GoDuration.parseNanos("1.5µs", GO)).isEqualTo(1_500L);
    assertThat(GoDuration.parseNanos("-9223372036854775808ns", GO)).isEqualTo(Long.MIN_VALUE);
    assertThat(GoDuration.parseNanos("9223372036854775807ns", GO)).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> GoDuration.parseNanos("9223372036854775808ns", GO))
        .hasMessage("time: invalid duration \"9223372036854775808ns\"");
    assertThatThrownBy(() -> GoDuration.parseNanos("3000000h", GO)).hasMessageContaining("invalid");
    assertThatThrownBy(() -> GoDuration.parseNanos(".s", GO)).hasMessageContaining("invalid");
    assertThat(GoDuration.format(1_500L)).isEqualTo("1.5µs");
    assertThat(GoDuration.format(-2_000_500_000L)).isEqualTo("-2.0005s");
    assertThat(GoDuration.format(1_000_000_001L)).isEqualTo("1.000000001s");
  }
}
