package dev.jcompose.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.scheduler.api.StatsSample;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnitsTest {
  @Test
  void sizes_asDockersGoUnitsPrintsThem() {
    assertThat(Units.binary(0)).isEqualTo("0B");
    assertThat(Units.binary(3_686_400)).isEqualTo("3.516MiB");
    assertThat(Units.binary(256L << 20)).isEqualTo("256MiB");
    assertThat(Units.decimal(1450)).isEqualTo("1.45kB");
    assertThat(Units.decimal(586)).isEqualTo("586B");
    assertThat(Units.decimal(1_980_000)).isEqualTo("1.98MB");
  }

  @Test
  void statsRows_cpuIsTheCpuTimeUsedOverTheTimeBetweenReadings() {
    StatsSample a =
        new StatsSample(
            "p-web-1",
            "0123456789abcdef0123",
            "web",
            Instant.ofEpochSecond(10),
            1_000_000_000L,
            0,
            0,
            1,
            0,
            0,
            0,
            0);
    StatsSample b =
        new StatsSample(
            "p-web-1",
            "0123456789abcdef0123",
            "web",
            Instant.ofEpochSecond(12),
            2_500_000_000L,
            64L << 20,
            256L << 20,
            3,
            4096,
            1_000_000,
            1450,
            586);
    Map<String, Object> row = StatsRows.of(List.of(a), List.of(b), false).get(0);
    assertThat(row)
        .containsEntry("CPUPerc", "75.00%")
        .containsEntry("MemUsage", "64MiB / 256MiB")
        .containsEntry("MemPerc", "25.00%")
        .containsEntry("NetIO", "1.45kB / 586B")
        .containsEntry("BlockIO", "4.1kB / 1MB")
        .containsEntry("PIDs", "3")
        .containsEntry("ID", "0123456789ab");
    assertThat(StatsRows.of(List.of(), List.of(b), false).get(0)).containsEntry("CPUPerc", "0.00%");
  }
}
