package dev.jcompose.convert.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The small rules the manifests rest on, case by case. */
class ConversionRulesTest {
  @Test
  void expansion_dollarBeforeDollarOrParen_isDoubled_soKubeletLeavesTheTextAlone() {
    assertThat(Expansion.escape("$(HOME) and $$ and $x and 5$"))
        .isEqualTo("$$(HOME) and $$$ and $x and 5$");
    assertThat(Expansion.escape("no dollars")).isEqualTo("no dollars");
  }

  @Test
  void names_composeNames_becomeDns1035Labels() {
    assertThat(Names.label("Weird_Name.v2")).isEqualTo("weird-name-v2");
    assertThat(Names.label("1st")).isEqualTo("x-1st");
    assertThat(Names.label("a".repeat(70))).hasSize(63);
    assertThat(Names.isPortName("tcp-8080")).isTrue();
    assertThat(Names.isPortName("8080")).isFalse();
    assertThat(Names.dataKey("my config.json")).isEqualTo("my_config.json");
  }

  @Test
  void quantities_useTheLargestExactBinaryUnit_andWholeSeconds() {
    assertThat(Quantities.bytes(536870912L)).isEqualTo("512Mi");
    assertThat(Quantities.bytes(1L << 30)).isEqualTo("1Gi");
    assertThat(Quantities.bytes(1000)).isEqualTo("1000");
    assertThat(Quantities.nanoCpus(1_500_000_000L)).isEqualTo("1500m");
    assertThat(Quantities.nanoCpus(2_000_000_000L)).isEqualTo("2");
    assertThat(Quantities.nanoCpus(1)).isEqualTo("1m");
    assertThat(Quantities.seconds(Duration.ofMillis(500))).isEqualTo(1);
    assertThat(Quantities.seconds(Duration.ofMillis(1500))).isEqualTo(2);
  }

  @Test
  void labels_keysAndValues_followKubernetesSyntax() {
    assertThat(Labels.isKey("com.example/team")).isTrue();
    assertThat(Labels.isKey("traefik.http.routers.whoami.rule")).isTrue();
    assertThat(Labels.isKey("bad key")).isFalse();
    assertThat(Labels.isValue("Host(`whoami.localhost`)")).isFalse();
    assertThat(Labels.isValue("frontend")).isTrue();
  }
}
