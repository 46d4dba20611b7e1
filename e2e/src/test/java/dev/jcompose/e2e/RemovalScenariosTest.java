package dev.jcompose.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.testkit.HostChecks;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What removes containers returns only once every process of them has exited and been reaped: the
 * leak check right after it (no sleep, no retry) finds nothing of them, neither a monitor (not even
 * a zombie one) nor a cgroup, mount, link or state folder.
 */
@Tag("root")
class RemovalScenariosTest extends OneProjectPerTest {

  @Test
  void down_twentyContainers_leavesNothingTheMomentItReturns() {
    jc = Jcompose.fixture("twenty");
    jc.run(240, "up", "-d").assertOk();
    assertThat(jc.run("ps", "-q").assertOk().stdout().lines()).hasSize(20);

    jc.run(120, "down", "-v", "-t", "5").assertOk();

    assertThat(leftovers()).as("left right after down returned").isEmpty();
  }

  @Test
  void runRm_leavesNothingOfTheOneOffTheMomentItReturns() {
    jc = Jcompose.fixture("twenty");
    jc.run(120, "up", "-d", "--scale", "worker=1").assertOk();
    Jcompose.Result run =
        jc.run(120, "run", "--rm", "-T", "worker", "echo", "one-off done").assertOk();
    assertThat(run.stdout()).contains("one-off done");

    // the service's own container and network stay: only the one-off must be gone
    assertThat(leftovers())
        .filteredOn(
            l ->
                l.startsWith("process ") && !l.contains("/twenty-worker-1/")
                    || l.contains("-worker-run-"))
        .as("left of the one-off right after run --rm returned")
        .isEmpty();
  }

  /**
   * What the leak check finds of this project (its state roots, its containers' and network's
   * names) and any exited monitor not yet reaped, whose name is all that is left of it; not the
   * engine, which serves until the teardown (that checks the whole host).
   */
  private List<String> leftovers() {
    return HostChecks.leaks(jc.root.resolve("data"), jc.root.resolve("run")).stream()
        .filter(l -> !l.startsWith("engine "))
        .filter(
            l ->
                l.contains(jc.root.toString())
                    || l.contains("twenty")
                    || l.contains("(no command line)"))
        .toList();
  }
}
