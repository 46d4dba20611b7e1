package dev.jcompose.runtime.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerSpec.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LimitsTest {

  @ParameterizedTest
  @CsvSource({
    "1,1",
    "2,1",
    "128,21",
    "256,35",
    "512,59",
    "1024,100",
    "2048,174",
    "4096,303",
    "65536,3023",
    "262144,10000",
    "999999,10000"
  })
  void cpuWeight_followsRuncCurve(long shares, long weight) {
    assertThat(Limits.cpuWeight(shares)).isEqualTo(weight);
  }

  @Test
  void of_swapBelowMemory_isInvalid() {
    assertThatThrownBy(
            () ->
                Limits.of(
                    new Resources(64L << 20, 32L << 20, null, null, null, null, null, null, null)))
        .isInstanceOf(ContainerException.class)
        .hasMessageContaining("memoryswap");
  }

  @Test
  void of_swapWithoutMemory_isInvalid() {
    assertThatThrownBy(
            () ->
                Limits.of(new Resources(null, 32L << 20, null, null, null, null, null, null, null)))
        .isInstanceOf(ContainerException.class)
        .hasMessageContaining("Memory limit");
  }

  @Test
  void of_reservationAboveLimit_isInvalid() {
    assertThatThrownBy(
            () ->
                Limits.of(
                    new Resources(64L << 20, null, 128L << 20, null, null, null, null, null, null)))
        .isInstanceOf(ContainerException.class)
        .hasMessageContaining("reservation");
  }

  @Test
  void of_none_setsNothing() {
    assertThat(Limits.of(Resources.none()))
        .isEqualTo(
            new Limits(
                null, null, null, null, null, null, null, null, null, false, null, null, null));
    assertThat(Limits.of(null))
        .isEqualTo(
            new Limits(
                null, null, null, null, null, null, null, null, null, false, null, null, null));
  }
}
