package dev.jcompose.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.LogEntry;
import dev.jcompose.scheduler.api.LogOptions;
import dev.jcompose.scheduler.api.LogSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Attached up follows the engine's events: no polling of containers. */
@Timeout(30)
class AttacherTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream savedOut;

  /**
   * Replays a script of events, then waits for the caller to stop; each log stream prints one line.
   */
  private static final class Scripted extends RecordingEngine {
    private final List<Event> script;

    Scripted(Event... script) {
      this.script = List.of(script);
    }

    @Override
    public void events(
        String projectName, Instant since, Consumer<Event> sink, BooleanSupplier stop) {
      script.forEach(sink);
      while (!stop.getAsBoolean()) {
        Thread.onSpinWait();
      }
    }

    @Override
    public void logs(String projectName, LogOptions options, LogSink sink, BooleanSupplier stop) {
      sink.accept(new LogEntry(options.containers().get(0), Instant.EPOCH, false, "hello"));
      while (!stop.getAsBoolean()) {
        Thread.onSpinWait();
      }
    }
  }

  private static Event e(String container, String action, Map<String, String> attrs) {
    return new Event(Instant.EPOCH, "Container " + container, action, "", attrs);
  }

  private static Event die(String container, int code, boolean restart) {
    return die(container, "abc", code, restart);
  }

  private static Event die(String container, String id, int code, boolean restart) {
    return e(
        container,
        "die",
        Map.of("id", id, "exitCode", Integer.toString(code), "restart", Boolean.toString(restart)));
  }

  @BeforeEach
  void captureOut() {
    savedOut = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreOut() {
    System.setOut(savedOut);
  }

  private int attach(Scripted compose, AttachSettings settings, String... containers) {
    List<ContainerSummary> cs =
        java.util.Arrays.stream(containers)
            .map(c -> VerbsTest.summary("demo-" + c, c.substring(0, c.indexOf('-'))))
            .toList();
    return new Attacher(compose, "demo", settings).run(cs, Instant.EPOCH);
  }

  @Test
  void exitOfAReplacedContainer_isIgnored_restartIsFollowed_lastExitEnds() {
    Scripted compose =
        new Scripted(
            die("demo-web-1", "old", 137, false), // the container this up replaced, same name
            die("demo-web-1", 1, true), // ours died before its Started event was published
            e("demo-web-1", "Started", Map.of()),
            e("demo-web-1", "restart", Map.of()),
            die("demo-web-1", 2, false));

    int code =
        attach(compose, new AttachSettings(false, true, false, false, false, null, null), "web-1");

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "Attaching to web-1",
            "web-1  | hello",
            "web-1 exited with code 1 (restarting)",
            "web-1 exited with code 2")
        .doesNotContain("code 137");
  }

  @Test
  void exitCodeFrom_returnsThatServicesCode_andStopsTheRest() {
    Scripted compose = new Scripted(die("demo-job-1", 3, false), die("demo-web-1", 143, false));

    int code =
        attach(
            compose,
            new AttachSettings(false, true, false, true, false, "job", 1),
            "job-1",
            "web-1");

    assertThat(code).isEqualTo(3);
    assertThat(compose.calls).contains("stop demo [] 1");
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Aborting on container exit...", "job-1 exited with code 3");
  }
}
