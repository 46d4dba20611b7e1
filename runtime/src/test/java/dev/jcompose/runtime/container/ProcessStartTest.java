package dev.jcompose.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProcessStartTest {
  private static final int SELF = (int) ProcessHandle.current().pid();

  @Test
  void millis_agreesWithTheJdksProcessHandle() {
    // records written by an engine that asked ProcessHandle must still match after an upgrade
    long jdk =
        ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElseThrow();
    assertThat(ProcessStart.millis(SELF)).isEqualTo(jdk);
  }

  @Test
  void isSame_onlyForTheSameLiveProcess() {
    long started = ProcessStart.millis(SELF);
    assertThat(ProcessStart.isSame(SELF, started)).isTrue();
    assertThat(ProcessStart.isSame(SELF, 0)).isTrue(); // nothing recorded: alive is enough
    assertThat(ProcessStart.isSame(SELF, started - 10)).isFalse(); // a reused pid
  }

  @Test
  void aGoneProcess_isNotTheSame_andHasNoStart() throws Exception {
    Process p = new ProcessBuilder("true").start();
    int pid = (int) p.pid();
    p.waitFor(); // reaped: its pid names nothing now (reuse within this test is not plausible)
    assertThat(ProcessStart.isSame(pid, 0)).isFalse();
    assertThat(ProcessStart.millis(pid)).isZero();
    assertThat(ProcessStart.isSame(0, 0)).isFalse();
  }
}
