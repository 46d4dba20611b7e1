package dev.jcompose.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.common.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * state.json as this engine writes it (start ticks, the cgroup) and as engines before it wrote it
 * (start millis from the boot time, no cgroup): both name their container.
 */
class ContainerRecordTest {
  private static final int SELF = (int) ProcessHandle.current().pid();

  private final RecordStore store = new RecordStore();

  private static ContainerRecord created() {
    return ContainerRecord.created(
        Specs.spec("c1", Specs.IMAGE, "sleep", "600"),
        new ProcessIdentity(0, 0, List.of(0L), 0, false, List.of("PATH=/bin"), "/"),
        "2026-01-01T00:00:00Z",
        "jcompose/c1-0a26d598");
  }

  @Test
  void aNewRecord_keepsTheStartTicksAndTheCgroup(@TempDir Path tmp) {
    // this JVM stands in for the container's init
    ContainerRecord rec = created().withRun(SELF, null, 0);
    store.write(tmp.resolve("state.json"), rec);

    ContainerRecord read = store.read(tmp.resolve("state.json")).orElseThrow();

    assertThat(read).isEqualTo(rec);
    assertThat(read.pidStartTicks()).isEqualTo(ProcessStart.ticks(SELF)).isPositive();
    assertThat(read.pidStartMillis()).isZero();
    assertThat(read.cgroup()).isEqualTo("jcompose/c1-0a26d598");
    assertThat(read.initIsAlive()).isTrue();
  }

  @Test
  void anotherProcessOnTheRecordedPid_isNotTheInit() {
    ContainerRecord rec = created().withRun(SELF, null, 0);
    ContainerRecord reused =
        new ContainerRecord(
            rec.spec(),
            rec.identity(),
            rec.createdAt(),
            null,
            null,
            SELF,
            rec.pidStartTicks() - 1,
            0,
            0,
            null,
            rec.cgroup());

    assertThat(reused.initIsAlive()).isFalse();
  }

  @Test
  void aRecordOfAnEarlierEngine_startMillisAndNoCgroup_stillNamesItsRunningContainer(
      @TempDir Path tmp) throws Exception {
    ProcTable proc = ProcTable.host();
    long millis = proc.startMillis(SELF, proc.bootTime()); // what that engine wrote
    Files.writeString(
        tmp.resolve("state.json"), earlierEngines(created().withRun(SELF, null, 0), millis));

    ContainerRecord read = store.read(tmp.resolve("state.json")).orElseThrow();

    assertThat(read.pidStartTicks()).isZero();
    assertThat(read.pidStartMillis()).isEqualTo(millis);
    assertThat(read.cgroup()).isNull();
    assertThat(read.initIsAlive()).isTrue();
    ContainerRecord reused =
        Json.read(
            earlierEngines(created().withRun(SELF, null, 0), millis - 10), ContainerRecord.class);
    assertThat(reused.initIsAlive()).isFalse();
    // its next run records ticks
    assertThat(read.withRun(SELF + 1, null, 0).pidStartMillis()).isZero();
  }

  /** {@code rec} as engines before start ticks and the cgroup wrote it. */
  private static String earlierEngines(ContainerRecord rec, long startMillis) {
    String json = Json.write(rec);
    String old =
        json.replaceFirst("\"pidStartTicks\"\\s*:\\s*\\d+\\s*,", "")
            .replaceFirst(",\\s*\"cgroup\"\\s*:\\s*\"[^\"]*\"", "")
            .replaceFirst("\"pidStartMillis\"\\s*:\\s*\\d+", "\"pidStartMillis\":" + startMillis);
    assertThat(old).doesNotContain("pidStartTicks", "cgroup").contains("pidStartMillis");
    return old;
  }
}
