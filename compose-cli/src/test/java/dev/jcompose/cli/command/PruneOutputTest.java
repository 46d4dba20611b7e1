package dev.jcompose.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.cli.JcomposeCli;
import dev.jcompose.scheduler.api.CallSettings;
import dev.jcompose.scheduler.api.ComposeService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code image prune}, {@code volume prune} and {@code system prune} print as docker does: the
 * warning, the confirmation (declined without a terminal: nothing pruned), a section per kind of
 * thing deleted, and the total reclaimed space.
 */
class PruneOutputTest {
  private final RecordingEngine engine = new RecordingEngine();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Function<CallSettings, ComposeService> saved = CommandContext.services;
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void wire() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    CommandContext.services = s -> engine;
  }

  @AfterEach
  void unwire() {
    CommandContext.services = saved;
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void imagePrune_listsDockersLines_thenTheTotal() {
    assertThat(JcomposeCli.execute("image", "prune", "-f")).isZero();
    assertThat(out())
        .isEqualTo(
            "Deleted Images:\n"
                + "untagged: demo-web:latest\n"
                + "deleted: sha256:"
                + "1".repeat(64)
                + "\n\n"
                + "Total reclaimed space: 4.1MB\n");
    assertThat(err()).isEmpty();
    assertThat(engine.calls).contains("image prune false");
  }

  @Test
  void volumePrune_listsTheVolumes_thenTheTotal() {
    assertThat(JcomposeCli.execute("volume", "prune", "-a", "-f")).isZero();
    assertThat(out()).isEqualTo("Deleted Volumes:\nanon1\n\nTotal reclaimed space: 1kB\n");
    assertThat(engine.calls).contains("volume prune true");
  }

  @Test
  void systemPrune_aSectionPerKindDeleted_emptyOnesLeftOut() {
    assertThat(JcomposeCli.execute("system", "prune", "-f")).isZero();
    assertThat(out())
        .isEqualTo(
            "Deleted Containers:\ndemo-old-1\n\n"
                + "Deleted Networks:\ndemo_default\n\n"
                + "Total reclaimed space: 2.05kB\n");
  }

  @Test
  void withoutForce_andNoTerminal_warnsAndPrunesNothing() {
    assertThat(JcomposeCli.execute("image", "prune", "-a")).isZero();
    assertThat(JcomposeCli.execute("volume", "prune")).isZero();
    assertThat(JcomposeCli.execute("system", "prune", "--volumes")).isZero();
    assertThat(out()).isEmpty();
    assertThat(err())
        .isEqualTo(
            "WARNING! This will remove all images without at least one container associated to"
                + " them.\n"
                + "WARNING! This will remove anonymous local volumes not used by at least one"
                + " container.\n"
                + "WARNING! This will remove:\n"
                + "  - all stopped containers\n"
                + "  - all networks not used by at least one container\n"
                + "  - all anonymous volumes not used by at least one container\n"
                + "  - all dangling images\n");
    assertThat(engine.calls).isEmpty();
  }
}
