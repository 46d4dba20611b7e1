package dev.jcompose.netmgr.firewall;

import java.util.Locale;

/**
 * The door to the packet filter. {@link #apply} replaces the whole jcompose rule set atomically
 * with the one derived from {@code state} (so engine start, create, remove and publish are the same
 * idempotent operation and no "chain already exists" can happen, moby#45646); {@link #clear}
 * removes every trace. Implementations: {@link NftFirewall}, {@link IptablesFirewall}.
 */
public interface Firewall {

  void apply(FirewallState state);

  void clear();

  /** Picks nftables when the {@code nft} binary exists, else iptables. */
  static Firewall detect(String tableName) {
    return NftFirewall.available()
        ? new NftFirewall(tableName)
        : new IptablesFirewall(tableName.toUpperCase(Locale.ROOT));
  }
}
