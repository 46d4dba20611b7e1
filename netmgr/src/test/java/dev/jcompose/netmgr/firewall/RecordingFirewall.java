package dev.jcompose.netmgr.firewall;

/** Fake {@link Firewall}: remembers the last rule set as nft text ("" after clear). */
public final class RecordingFirewall implements Firewall {
  public String rules = "";
  public int applies;

  @Override
  public void apply(FirewallState state) {
    applies++;
    rules = NftRuleset.render("jcompose", state);
  }

  /** Per netns, the DNS redirect last programmed (nft text). */
  public final java.util.Map<java.nio.file.Path, String> dnsRedirects = new java.util.TreeMap<>();

  @Override
  public void redirectDns(java.nio.file.Path netns, int udpPort, int tcpPort) {
    dnsRedirects.put(netns, DnsRedirect.nft(udpPort, tcpPort));
  }

  @Override
  public void clear() {
    applies++;
    rules = "";
  }
}
