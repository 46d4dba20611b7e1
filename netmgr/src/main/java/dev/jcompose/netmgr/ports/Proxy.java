package dev.jcompose.netmgr.ports;

import io.vertx.core.Future;

/** A listening host socket relaying to one container port. */
interface Proxy {
  /** The bound host port (resolves a requested 0). */
  int port();

  Future<Void> close();
}
