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

  @Override
  public void clear() {
    applies++;
    rules = "";
  }
}
