package dev.jcompose.scheduler.convert;

import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.runtime.api.ContainerSpec.NetworkMode;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.scheduler.api.RunOptions;
import java.nio.file.Path;

/**
 * What {@link ContainerSpecFactory} needs for one container.
 *
 * @param hostId 64-hex id of this container instance; its first 12 characters are the default
 *     hostname
 * @param etcDir host directory holding the container's hosts/resolv.conf/hostname files (bound over
 *     /etc)
 * @param run one-off overrides, null for service containers
 */
public record ContainerRequest(
    Project project,
    Service service,
    String name,
    int number,
    ImageHandle image,
    String hostId,
    String configHash,
    NetworkMode networkMode,
    Path etcDir,
    RunOptions run) {

  public boolean oneoff() {
    return run != null;
  }

  /** The hostname: the service's, else the short id as docker does. */
  public String hostname() {
    String own = service.networking().hostname();
    return own != null && !own.isEmpty() ? own : hostId.substring(0, 12);
  }
}
