package dev.jcompose.scheduler.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.ExitStatus;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummariesTest {
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  private static ContainerState exited(Instant finished, int code) {
    return new ContainerState(
        "c",
        ContainerState.Status.EXITED,
        0,
        null,
        null,
        NOW.minusSeconds(600),
        NOW.minusSeconds(300),
        finished,
        new ExitStatus(code, 0, false),
        Map.of());
  }

  @Test
  void exitedStatus_namesTheFinishTime_whenKnown() {
    assertThat(Summaries.status(exited(NOW.minusSeconds(120), 1), "", NOW))
        .isEqualTo("Exited (1) 2 minutes ago");
  }

  @Test
  void exitedStatus_withoutFinishTime_doesNotClaimItJustExited() {
    assertThat(Summaries.status(exited(null, 255), "", NOW)).isEqualTo("Exited (255)");
  }
}
