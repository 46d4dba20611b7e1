package dev.jcompose.netmgr.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.netmgr.sys.Exec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The DNS redirect written over netlink is the table nft makes of {@link DnsRedirect#nft}'s text:
 * both applied in throwaway network namespaces (a sleeping process each, so nothing outlives the
 * test), then listed by nft.
 */
@Tag("root")
class RedirectDnsRootTest {

  @Test
  void netlinkBatch_listsAsTheTextRules_andReplacesAnEarlierTable() throws Exception {
    Process textNs = sleeper();
    Process netlinkNs = sleeper();
    try {
      Path text = netns(textNs);
      Path netlink = netns(netlinkNs);
      Exec.run(DnsRedirect.nsenter(text, NftRuleset.command()), DnsRedirect.nft(40001, 40002));
      NftDnsRedirect.apply(netlink, 39999, 39998); // an earlier engine's ports
      NftDnsRedirect.apply(netlink, 40001, 40002);

      String expected = list(text);
      assertThat(expected).contains("dnat to 127.0.0.11:40001", "snat to 127.0.0.11:53");
      assertThat(list(netlink)).isEqualTo(expected);
    } finally {
      textNs.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      netlinkNs.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static Process sleeper() throws Exception {
    return new ProcessBuilder("unshare", "--net", "sleep", "60").start();
  }

  /** The netns of the sleeper, once unshare has made it and exec'd sleep. */
  private static Path netns(Process p) throws Exception {
    Path mine = Files.readSymbolicLink(Path.of("/proc/self/ns/net"));
    Path ns = Path.of("/proc/" + p.pid() + "/ns/net");
    for (int i = 0; i < 100; i++) {
      if (Files.exists(ns) && !Files.readSymbolicLink(ns).equals(mine)) {
        return ns;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("unshare --net did not make a namespace");
  }

  private static String list(Path netns) {
    return Exec.run(
        DnsRedirect.nsenter(netns, List.of("nft", "list", "table", "ip", "jcompose_dns")), "");
  }
}
