package dev.jcompose.scheduler.build;

import dev.jcompose.builder.api.BuildNetwork;
import dev.jcompose.netmgr.api.AttachRequest;
import dev.jcompose.netmgr.api.NetworkManager;
import dev.jcompose.netmgr.api.NetworkSpec;
import dev.jcompose.runtime.api.ContainerSpec.NetworkMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * RUN's default network: a bridge with NAT of its own ({@value #NAME}), as docker's builds use the
 * default bridge, created when the first RUN that needs it starts and removed when no build and no
 * RUN uses it any more, so it is made once per build and nothing is left between builds.
 */
public final class EngineBuildNetwork implements BuildNetwork {
  static final String NAME = "jcompose_build";
  private final NetworkManager networks;
  private int users;
  private int sessions;
  private boolean created;

  public EngineBuildNetwork(NetworkManager networks) {
    this.networks = networks;
  }

  @Override
  public NetworkMode mode(String id) {
    return NetworkMode.newNamespace();
  }

  @Override
  public synchronized Session session() {
    sessions++;
    return () -> {
      synchronized (this) {
        sessions--;
        removeIfUnused();
      }
    };
  }

  @Override
  public synchronized void attach(String id, Path netns) {
    users++;
    if (!created) {
      networks.create(
          new NetworkSpec(
              NAME,
              NetworkSpec.Driver.BRIDGE,
              false,
              false,
              List.of(),
              Map.of(),
              Map.of("dev.jcompose.build", "true")));
      created = true;
    }
    networks.attach(new AttachRequest(id, NAME, netns, "eth0", null, null, List.of(), true));
  }

  @Override
  public synchronized void release(String id) {
    try {
      networks.release(id);
    } finally {
      users--;
      removeIfUnused();
    }
  }

  private void removeIfUnused() {
    if (created && users == 0 && sessions == 0) {
      created = false;
      networks.remove(NAME);
    }
  }
}
