package dev.jcompose.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.runtime.api.ContainerState.Status;
import dev.jcompose.runtime.api.ExitStatus;
import dev.jcompose.runtime.api.LogLine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("root")
class ContainerLifecycleRootTest extends RuntimeFixture {

  @Test
  void run_processIsPidOneWithOwnHostnameAndOnlyItsProcesses() throws Exception {
    ExitStatus exit = runToExit(spec("pid1", "sh", "-c", "echo $$; hostname; echo /proc/[0-9]*"));

    assertThat(exit).isEqualTo(new ExitStatus(0, 0, false));
    assertThat(stdout("t-pid1")).containsExactly("1", "box-t-pid1", "/proc/1");
  }

  @Test
  void run_exitCodeAndBothStreamsRecorded() throws Exception {
    Instant before = Instant.now();
    ExitStatus exit = runToExit(spec("exit", "sh", "-c", "echo out; echo err >&2; exit 3"));

    assertThat(exit.exitCode()).isEqualTo(3);
    List<LogLine> lines = logs("t-exit");
    assertThat(lines).extracting(LogLine::text).containsExactlyInAnyOrder("out", "err");
    assertThat(lines).extracting(LogLine::stream).containsExactlyInAnyOrder(LogLine.Stream.STDOUT, LogLine.Stream.STDERR);
    assertThat(lines).allSatisfy(l -> assertThat(l.time()).isAfterOrEqualTo(before.minusSeconds(1)));
    assertThat(runtime.state("t-exit").orElseThrow().status()).isEqualTo(Status.EXITED);
  }

  @Test
  void create_waitsBeforeExecUntilStart() throws Exception {
    var st = runtime.create(spec("created", "sh", "-c", "echo started"));

    assertThat(st.status()).isEqualTo(Status.CREATED);
    assertThat(st.pid()).isPositive();
    assertThat(st.netnsPath()).exists();
    Thread.sleep(100);
    assertThat(stdout("t-created")).isEmpty();
    runtime.start("t-created");
    assertThat(runtime.awaitExit("t-created").get().exitCode()).isZero();
    assertThat(stdout("t-created")).containsExactly("started");
  }

  @Test
  void stop_ignoredSigterm_killsAfterGrace() throws Exception {
    runtime.create(spec("stop", "sleep", "1000"));
    runtime.start("t-stop");

    ExitStatus exit = runtime.stop("t-stop", 15, Duration.ofMillis(300));

    assertThat(exit).isEqualTo(new ExitStatus(137, 9, false));
  }

  @Test
  void stop_handledSigterm_exitsWithItsCode() throws Exception {
    runtime.create(spec("term", "sh", "-c", "trap 'exit 7' TERM; echo ready; while true; do sleep 0.05; done"));
    runtime.start("t-term");
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stdout("t-term").contains("ready"));

    ExitStatus exit = runtime.stop("t-term", 15, Duration.ofSeconds(10));

    assertThat(exit.exitCode()).isEqualTo(7);
  }

  @Test
  void start_exitedContainer_runsAgainInSameNetns() throws Exception {
    runToExit(spec("again", "sh", "-c", "echo run; readlink /proc/self/ns/net"));
    runtime.start("t-again");
    runtime.awaitExit("t-again").get();

    List<String> out = stdout("t-again");
    assertThat(out).hasSize(4);
    assertThat(out.get(1)).isEqualTo(out.get(3));
  }

  @Test
  void start_missingBinary_reportsErrnoAndMessage() {
    runtime.create(spec("nobin", "no-such-binary"));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime.start("t-nobin"))
        .hasMessageContaining("executable file not found")
        .hasMessageContaining("errno 2");
  }
}
