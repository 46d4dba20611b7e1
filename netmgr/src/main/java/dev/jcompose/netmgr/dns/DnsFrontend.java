package dev.jcompose.netmgr.dns;

import io.vertx.core.Future;

/** What the manager needs from the embedded DNS; {@link DnsService} is the real one. */
public interface DnsFrontend {

  /** Replaces the records every listener answers from; listeners keep running. */
  void update(DnsView view);

  /** Starts the network's listener on {@code address}; no-op if it already runs. */
  Future<Void> listen(String network, String address);

  Future<Void> unlisten(String network);

  Future<Void> close();
}
