package dev.jcompose.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.runtime.api.ContainerState.Status;
import dev.jcompose.runtime.api.ExecSession;
import dev.jcompose.runtime.api.ExitStatus;
import dev.jcompose.runtime.api.LogLine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("root")
class ContainerLifecycleRootTest extends RuntimeFixture {

  @Test
  void run_processIsPidOneWithOwnHostnameAndOnlyItsProcesses() throws Exception {
    ExitStatus exit = runToExit(spec("pid1", "sh", "-c", "echo $$; hostname; echo /proc/[0-9]*"));

    assertThat(exit).isEqualTo(new ExitStatus(0, 0, false));
    assertThat(stdout("sh-pid1")).containsExactly("1", "box-sh-pid1", "/proc/1");
  }

  @Test
  void run_exitCodeAndBothStreamsRecorded() throws Exception {
    Instant before = Instant.now();
    ExitStatus exit = runToExit(spec("exit", "sh", "-c", "echo out; echo err >&2; exit 3"));

    assertThat(exit.exitCode()).isEqualTo(3);
    List<LogLine> lines = logs("sh-exit");
    assertThat(lines).extracting(LogLine::text).containsExactlyInAnyOrder("out", "err");
    assertThat(lines)
        .extracting(LogLine::stream)
        .containsExactlyInAnyOrder(LogLine.Stream.STDOUT, LogLine.Stream.STDERR);
    assertThat(lines)
        .allSatisfy(l -> assertThat(l.time()).isAfterOrEqualTo(before.minusSeconds(1)));
    assertThat(runtime.state("sh-exit").orElseThrow().status()).isEqualTo(Status.EXITED);
  }

  @Test
  void create_waitsBeforeExecUntilStart() throws Exception {
    var st = runtime.create(spec("created", "sh", "-c", "echo started"));

    assertThat(st.status()).isEqualTo(Status.CREATED);
    assertThat(st.pid()).isPositive();
    assertThat(st.netnsPath()).exists();
    Thread.sleep(100);
    assertThat(stdout("sh-created")).isEmpty();
    runtime.start("sh-created");
    assertThat(runtime.awaitExit("sh-created").get().exitCode()).isZero();
    assertThat(stdout("sh-created")).containsExactly("started");
  }

  @Test
  void stop_ignoredSigterm_killsAfterGrace() throws Exception {
    runtime.create(spec("stop", "sleep", "1000"));
    runtime.start("sh-stop");

    ExitStatus exit = runtime.stop("sh-stop", 15, Duration.ofMillis(300));

    assertThat(exit).isEqualTo(new ExitStatus(137, 9, false));
  }

  @Test
  void stop_handledSigterm_exitsWithItsCode() throws Exception {
    runtime.create(
        spec(
            "term", "sh", "-c", "trap 'exit 7' TERM; echo ready; while true; do sleep 0.05; done"));
    runtime.start("sh-term");
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> stdout("sh-term").contains("ready"));

    ExitStatus exit = runtime.stop("sh-term", 15, Duration.ofSeconds(10));

    assertThat(exit.exitCode()).isEqualTo(7);
  }

  @Test
  void start_exitedContainer_runsAgainInSameNetns() throws Exception {
    runToExit(spec("again", "sh", "-c", "echo run; readlink /proc/self/ns/net"));
    runtime.start("sh-again");
    runtime.awaitExit("sh-again").get();

    List<String> out = stdout("sh-again");
    assertThat(out).hasSize(4);
    assertThat(out.get(1)).isEqualTo(out.get(3));
  }

  @Test
  void start_missingBinary_reportsErrnoAndMessage() {
    runtime.create(spec("nobin", "no-such-binary"));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime.start("sh-nobin"))
        .hasMessageContaining("executable file not found")
        .hasMessageContaining("errno 2");
  }

  @Test
  void logs_partialAndLongLines_joinedBackByReader() throws Exception {
    runToExit(
        spec(
            "partial",
            "sh",
            "-c",
            "printf abc; sleep 0.5; printf 'def\\n'; head -c 40000 /dev/zero | tr '\\0' y; echo"));

    assertThat(stdout("sh-partial")).containsExactly("abcdef", "y".repeat(40000));
    String raw =
        java.nio.file.Files.readString(runtime.state("sh-partial").orElseThrow().logPath());
    assertThat(raw).contains(" stdout P abc\n");
  }

  @Test
  void tty_outputGoesThroughPtyIntoLog() throws Exception {
    var p =
        new dev.jcompose.runtime.api.ContainerSpec.ProcessSpec(
            List.of("sh", "-c", "test -t 1 && echo tty"),
            List.of(),
            "/",
            null,
            List.of(),
            true,
            false,
            null,
            false,
            List.of());
    ExitStatus exit = runToExit(Specs.with("sh-tty", image, p, List.of()));

    assertThat(exit.exitCode()).isZero();
    assertThat(stdout("sh-tty")).containsExactly("tty\r");
  }

  @Test
  void tty_inputSentBeforeTheStart_reachesTheShell() throws Exception {
    // a foreground `run` on a terminal attaches, and sends what was typed, before the start; the
    // pty master reaches the monitor only with the init's terminal, after the start. Input dropped
    // in between lost the "exit 4" while a later EOF got through: the shell exited 0.
    var p =
        new dev.jcompose.runtime.api.ContainerSpec.ProcessSpec(
            List.of("sh"), List.of(), "/", null, List.of(), true, true, null, false, List.of());
    runtime.create(Specs.attachWaiting(Specs.with("sh-tty-early", image, p, List.of())));
    ExecSession attached = runtime.attach("sh-tty-early");
    attached.stdin().write("exit 4\n".getBytes(StandardCharsets.UTF_8));
    attached.stdin().flush();
    Thread.sleep(200); // the monitor reads the input before the start, as in the failed runs

    CompletableFuture.runAsync(() -> runtime.start("sh-tty-early")).get(5, TimeUnit.SECONDS);

    assertThat(attached.exitCode().get(10, TimeUnit.SECONDS)).isEqualTo(4);
  }

  @Test
  void logs_rotateAtLimit_readerSeesRetainedTailInOrder() throws Exception {
    var small = new LinuxContainerRuntime(paths, cgroups, new LogLimits(64 * 1024, 3));
    // eight separate bursts, so the monitor commits (and may rotate) at least eight times
    small.create(
        spec(
            "rotate",
            "sh",
            "-c",
            "i=0; while [ $i -lt 8 ]; do seq $((i*5000+1)) $((i*5000+5000)); sleep 0.05; i=$((i+1)); done"));
    small.start("sh-rotate");
    small.awaitExit("sh-rotate").get(30, java.util.concurrent.TimeUnit.SECONDS);

    var log = small.state("sh-rotate").orElseThrow().logPath();
    assertThat(log.resolveSibling(log.getFileName() + ".2")).exists();
    assertThat(log.resolveSibling(log.getFileName() + ".3")).doesNotExist();
    List<String> out = stdout("sh-rotate");
    assertThat(out.get(out.size() - 1)).isEqualTo("40000");
    int first = Integer.parseInt(out.get(0));
    assertThat(first).isGreaterThan(1);
    assertThat(out).hasSize(40000 - first + 1);
    assertThat(java.nio.file.Files.size(log)).isLessThanOrEqualTo(64 * 1024 + (1 << 20));
  }

  @Test
  void attachWait_anAttachWhoseInputEndedAtOnce_stillReleasesTheStart() throws Exception {
    // a foreground run with stdin from /dev/null half-closes its attach before the engine's start
    // arrives; the monitor must still count it as attached, not hold the start for its 10 s wait
    runtime.create(Specs.attachWaiting(spec("attach-eof", "sh", "-c", "echo hello")));
    ExecSession attached = runtime.attach("sh-attach-eof");
    attached.stdin().close();
    Thread.sleep(200); // the monitor reads the half-close first, as it did in the slow runs

    CompletableFuture.runAsync(() -> runtime.start("sh-attach-eof")).get(5, TimeUnit.SECONDS);

    assertThat(attached.exitCode().get(10, TimeUnit.SECONDS)).isZero();
    assertThat(new String(attached.stdout().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("hello\n");
  }
}
