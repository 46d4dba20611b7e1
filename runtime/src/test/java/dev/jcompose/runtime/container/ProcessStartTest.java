package dev.jcompose.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProcessStartTest {
  private static final int SELF = (int) ProcessHandle.current().pid();

  @Test
  void ticks_areStatsStartTimeSinceBoot_whichNoClockStepMoves() {
    long ticks = ProcessStart.ticks(SELF);
    assertThat(ticks).isPositive();
    assertThat(ProcessStart.ticks(SELF)).isEqualTo(ticks); // the same on every read
  }

  @Test
  void legacyMillis_agreeWithTheJdksProcessHandle() {
    // records written by an engine that asked ProcessHandle must still match after an upgrade: the
    // same arithmetic (boot time + start ticks). Each side reads the boot time (btime, whole
    // seconds), and a clock step between the two reads moves it (a VM here was seen 14 s apart),
    // so the two may differ by whole seconds, never by a part of one.
    ProcTable proc = ProcTable.host();
    long jdk =
        ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElseThrow();
    assertThat((proc.startMillis(SELF, proc.bootTime()) - jdk) % 1000).isZero();
  }

  @Test
  void isSame_onlyForTheSameLiveProcess() {
    long started = ProcessStart.ticks(SELF);
    assertThat(ProcessStart.isSame(SELF, started)).isTrue();
    assertThat(ProcessStart.isSame(SELF, 0)).isTrue(); // nothing recorded: alive is enough
    assertThat(ProcessStart.isSame(SELF, started - 1)).isFalse(); // a reused pid
  }

  @Test
  void isSameAsMillis_recognisesWhatEarlierEnginesRecorded() {
    ProcTable proc = ProcTable.host();
    long millis = proc.startMillis(SELF, proc.bootTime());
    assertThat(ProcessStart.isSameAsMillis(SELF, millis)).isTrue();
    assertThat(ProcessStart.isSameAsMillis(SELF, millis - 10)).isFalse(); // a reused pid
  }

  @Test
  void aGoneProcess_isNotTheSame_andHasNoStart() throws Exception {
    Process p = new ProcessBuilder("true").start();
    int pid = (int) p.pid();
    p.waitFor(); // reaped: its pid names nothing now (reuse within this test is not plausible)
    assertThat(ProcessStart.isSame(pid, 0)).isFalse();
    assertThat(ProcessStart.isSameAsMillis(pid, 0)).isFalse();
    assertThat(ProcessStart.ticks(pid)).isZero();
    assertThat(ProcessStart.isSame(0, 0)).isFalse();
  }
}
