package dev.jcompose.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.scheduler.api.Event;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PullImagesOutputTest {

  @Test
  void display_printsResourceAndAction_likeDockerComposePlainProgress() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PullCommand.Display display =
        new PullCommand.Display(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
    display.accept(new Event(Instant.EPOCH, "web", "Pulling", "", Map.of()));
    display.accept(new Event(Instant.EPOCH, "aaaaaaaaaaaa", "Downloading 2.5MB", "", Map.of()));
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(" web Pulling\n aaaaaaaaaaaa Downloading 2.5MB\n");
  }

  @Test
  void display_quiet_printsNothing() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new PullCommand.Display(new PrintStream(bytes), true)
        .accept(new Event(Instant.EPOCH, "web", "Pulling", "", Map.of()));
    assertThat(bytes.size()).isZero();
  }
}
