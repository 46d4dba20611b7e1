package dev.jcompose.netmgr.firewall;

import java.nio.file.Path;
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

  /**
   * Inside the container's netns at {@code netns}: queries to 127.0.0.11:53 go to the embedded
   * DNS's own ports there, as docker's DOCKER_OUTPUT / DOCKER_POSTROUTING rules do (moby libnetwork
   * resolver_unix.go). Replaces what an earlier engine put there.
   */
  void redirectDns(Path netns, int udpPort, int tcpPort);

  /** Picks nftables when the {@code nft} binary exists, else iptables. */
  static Firewall detect(String tableName) {
    return NftFirewall.available()
        ? new NftFirewall(tableName)
        : new IptablesFirewall(tableName.toUpperCase(Locale.ROOT));
  }
}
