package dev.jcompose.netmgr;

import dev.jcompose.netmgr.api.NetworkInfo;
import dev.jcompose.netmgr.api.NetworkManager;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;

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

  /** Where the network manager of the engine with {@code dataRoot} keeps its state. */
  public static Path stateDir(Path dataRoot) {
    return dataRoot.resolve("network");
  }

  /**
   * The networks recorded in {@code stateDir}, read from the state file alone (no kernel, no
   * engine): what an engine started on it would own. For a client that must know, without starting
   * an engine, whether one would have a network to remove.
   */
  public static List<NetworkInfo> recorded(Path stateDir) {
    return LinuxNetworkManager.recorded(stateDir);
  }
}
