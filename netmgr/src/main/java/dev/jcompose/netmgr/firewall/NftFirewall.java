package dev.jcompose.netmgr.firewall;

import dev.jcompose.netmgr.sys.Exec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * {@link Firewall} on nftables: one {@code nft -f -} transaction per change (delete + add table).
 */
public final class NftFirewall implements Firewall {
  private final String table;

  public NftFirewall(String table) {
    this.table = RuleValues.table(table);
  }

  /** Whether an {@code nft} binary is on the usual sbin paths. */
  public static boolean available() {
    return Stream.of("/usr/sbin/nft", "/sbin/nft", "/usr/bin/nft")
        .anyMatch(p -> Files.isExecutable(Path.of(p)));
  }

  @Override
  public void apply(FirewallState state) {
    // Declaring then deleting inside the same transaction makes the replace atomic and idempotent.
    Exec.run(
        NftRuleset.command(), NftRuleset.deleteScript(table) + NftRuleset.render(table, state));
  }

  @Override
  public void clear() {
    Exec.run(NftRuleset.command(), NftRuleset.deleteScript(table));
  }

  @Override
  public void redirectDns(Path netns, int udpPort, int tcpPort) {
    NftDnsRedirect.apply(netns, udpPort, tcpPort);
  }
}
