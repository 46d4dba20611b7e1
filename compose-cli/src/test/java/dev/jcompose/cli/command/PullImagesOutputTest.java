package dev.jcompose.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PullImagesOutputTest {

  @Test
  void humanSize_decimalUnitsThreeDigits_likeDocker() {
    assertThat(ImagesCommand.humanSize(0)).isEqualTo("0B");
    assertThat(ImagesCommand.humanSize(999)).isEqualTo("999B");
    assertThat(ImagesCommand.humanSize(4_261_000)).isEqualTo("4.26MB");
    assertThat(ImagesCommand.humanSize(141_200_000)).isEqualTo("141MB");
    assertThat(ImagesCommand.humanSize(2_000_000_000)).isEqualTo("2GB");
  }

  @Test
  void display_layerPhases_printOncePerChange() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PullCommand.Display display = new PullCommand.Display(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
    String layer = "sha256:" + "a".repeat(64);
    display.line("web", "Pulling");
    display.update("r", layer, "Downloading", 0, 2_500_000);
    display.update("r", layer, "Downloading", 1_000_000, 2_500_000);
    display.update("r", layer, "Pull complete", 2_500_000, 2_500_000);
    display.update("r", null, "Pulled", 0, 0);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
        " web Pulling\n aaaaaaaaaaaa Downloading 2.5MB\n aaaaaaaaaaaa Pull complete\n");
  }

  @Test
  void display_quiet_printsNothing() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new PullCommand.Display(new PrintStream(bytes), true).line("web", "Pulling");
    assertThat(bytes.size()).isZero();
  }
}
