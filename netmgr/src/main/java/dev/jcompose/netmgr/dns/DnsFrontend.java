package dev.jcompose.netmgr.dns;

import io.vertx.core.Future;
import java.nio.file.Path;

/** What the manager needs from the embedded DNS; {@link DnsService} is the real one. */
public interface DnsFrontend {

  /** Replaces the records every listener answers from; listeners keep running. */
  void update(DnsView view);

  /** Starts the network's listener on {@code address}; no-op if it already runs. */
  Future<Void> listen(String network, String address);

  Future<Void> unlisten(String network);

  /**
   * Starts the container's own resolver on 127.0.0.11 inside its netns (free ports, which the
   * caller redirects port 53 to); idempotent.
   */
  ContainerResolvers.Ports serve(String containerId, Path netns);

  /** Stops the container's resolver; nothing if it has none. */
  void stopServing(String containerId);

  Future<Void> close();
}
