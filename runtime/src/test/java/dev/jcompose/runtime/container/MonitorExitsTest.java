package dev.jcompose.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.runtime.sys.RecordingNativeOps;
import org.junit.jupiter.api.Test;

/** The part of MonitorExits that needs no container: finding a monitor as its init's parent. */
class MonitorExitsTest {

  @Test
  void parentOf_readsTheParentFromProc() {
    long self = ProcessHandle.current().pid();
    long parent = ProcessHandle.current().parent().orElseThrow().pid();
    assertThat(MonitorExits.parentOf((int) self)).isEqualTo((int) parent);
  }

  @Test
  void parentOf_aProcessThatIsGone_isZero() {
    assertThat(MonitorExits.parentOf(Integer.MAX_VALUE)).isZero();
  }

  @Test
  void awaitGone_unknownContainer_returnsAtOnce() {
    new MonitorExits(new RecordingNativeOps(false)).awaitGone("never-launched");
  }
}
