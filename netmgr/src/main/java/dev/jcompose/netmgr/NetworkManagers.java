package dev.jcompose.netmgr;

import dev.jcompose.netmgr.api.NetworkManager;
import io.vertx.core.Vertx;
import java.nio.file.Path;

/** Builds the network manager for this host. */
public final class NetworkManagers {
  private NetworkManagers() {}

  /**
   * The Linux implementation: bridges and veths over rtnetlink, the engine's own nftables table
   * {@code ip jcompose-<instance>} (derived from {@code stateDir}), DNS and localhost port proxies
   * on {@code vertx}'s event loops.
   *
   * @param stateDir where allocations are persisted (created if missing); one engine per dir
   */
  public static NetworkManager create(Path stateDir, Vertx vertx) {
    return LinuxNetworkManager.create(stateDir, vertx);
  }
}
