package dev.jcompose.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.e2e.Jcompose;
import dev.jcompose.testkit.HostChecks;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, faults: two engines with different data roots on one host rendered the same nft table
 * ({@code ip jcompose}), each replacing the other's rules wholesale (the first project lost its
 * masquerade and isolation rules, and the second's {@code down} removed them all). Each engine now
 * owns a table named after its data root, and {@code down} removes only its own.
 */
@Tag("security")
@Tag("root")
class TwoEnginesFirewallTest {
  private Jcompose a;
  private Jcompose b;

  @AfterEach
  void tearDown() {
    try {
      if (a != null) {
        a.close();
      }
    } finally {
      if (b != null) {
        b.close();
      }
    }
    HostChecks.assertNoLeaks();
  }

  @Test
  void twoEngines_keepTheirOwnRules_andDownRemovesOnlyItsOwn() {
    HostChecks.egressGuard();
    a = Jcompose.fixture("twoengines-a");
    b = Jcompose.fixture("twoengines-b");
    List<String> others = jcomposeTables(); // tables of engines this test does not own, if any

    a.run(180, "up", "-d").assertOk();
    String tableA = onlyNew(others);
    b.run(180, "up", "-d").assertOk();
    String tableB = onlyNew(concat(others, tableA));

    assertThat(List.of(tableA, tableB)).allMatch(t -> t.matches("jcompose-[0-9a-f]{8}"));
    assertThat(HostNetworking.nftTable(tableA))
        .contains("outbound twoengines-a_default")
        .doesNotContain("twoengines-b");
    assertThat(HostNetworking.nftTable(tableB))
        .contains("outbound twoengines-b_default")
        .doesNotContain("twoengines-a");

    b.run(120, "down", "-t", "1").assertOk();

    assertThat(jcomposeTables()).contains(tableA).doesNotContain(tableB);
    assertThat(HostNetworking.nftTable(tableA)).contains("outbound twoengines-a_default");
    assertThat(a.run("exec", "-T", "app", "true").exitCode()).isZero();

    a.run(120, "down", "-t", "1").assertOk();

    assertThat(jcomposeTables()).doesNotContain(tableA);
  }

  private static String onlyNew(List<String> before) {
    List<String> added = jcomposeTables().stream().filter(t -> !before.contains(t)).toList();
    assertThat(added).as("tables added by one engine's up").hasSize(1);
    return added.get(0);
  }

  private static List<String> concat(List<String> list, String one) {
    List<String> out = new java.util.ArrayList<>(list);
    out.add(one);
    return out;
  }

  private static List<String> jcomposeTables() {
    return HostNetworking.nftTables().stream()
        .filter(t -> t.startsWith("table inet jcompose"))
        .map(t -> t.substring("table inet ".length()))
        .toList();
  }
}
