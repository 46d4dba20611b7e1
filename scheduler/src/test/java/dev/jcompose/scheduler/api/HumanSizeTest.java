package dev.jcompose.scheduler.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HumanSizeTest {
  @Test
  void decimalUnitsThreeDigits_likeDocker() {
    assertThat(HumanSize.of(0)).isEqualTo("0B");
    assertThat(HumanSize.of(999)).isEqualTo("999B");
    assertThat(HumanSize.of(4_261_000)).isEqualTo("4.26MB");
    assertThat(HumanSize.of(141_200_000)).isEqualTo("141MB");
    assertThat(HumanSize.of(2_000_000_000)).isEqualTo("2GB");
  }
}
