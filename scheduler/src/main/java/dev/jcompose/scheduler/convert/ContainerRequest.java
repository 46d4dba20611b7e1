package dev.jcompose.scheduler.convert;

import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.runtime.api.ContainerSpec.Isolation;
import dev.jcompose.runtime.api.ContainerSpec.MountSpec;
import dev.jcompose.runtime.api.ContainerSpec.NetworkMode;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.scheduler.api.RunOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ContainerSpecFactory} needs for one container.
 *
 * @param hostId 64-hex id of this container instance; its first 12 characters are the default
 *     hostname
 * @param etcDir host directory holding the container's hosts/resolv.conf/hostname files (bound over
 *     /etc)
 * @param run one-off overrides, null for service containers
 * @param isolation the pid/ipc/uts/cgroup namespaces (references to other containers resolved),
 *     init
 * @param inheritedMounts the mounts {@code volumes_from} copies from other containers
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
    RunOptions run,
    Isolation isolation,
    List<MountSpec> inheritedMounts) {

  public ContainerRequest {
    inheritedMounts = inheritedMounts == null ? List.of() : List.copyOf(inheritedMounts);
  }

  public ContainerRequest(
      Project project,
      Service service,
      String name,
      int number,
      ImageHandle image,
      String hostId,
      String configHash,
      NetworkMode networkMode,
      Path etcDir,
      RunOptions run,
      Isolation isolation) {
    this(
        project,
        service,
        name,
        number,
        image,
        hostId,
        configHash,
        networkMode,
        etcDir,
        run,
        isolation,
        List.of());
  }

  /** A request with docker's default isolation and the service's init setting. */
  public ContainerRequest(
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
    this(
        project,
        service,
        name,
        number,
        image,
        hostId,
        configHash,
        networkMode,
        etcDir,
        run,
        new Isolation(
            null, null, null, null, Boolean.TRUE.equals(service.process().init()), null, null));
  }

  public boolean oneoff() {
    return run != null;
  }

  /**
   * The hostname: the service's, else the host's on the host's network (docker gives such a
   * container the host's name), else the short id as docker does.
   */
  public String hostname() {
    String own = service.networking().hostname();
    if (own != null && !own.isEmpty()) {
      return own;
    }
    if (networkMode != null && networkMode.kind() == NetworkMode.Kind.HOST) {
      return HostName.get();
    }
    return hostId.substring(0, 12);
  }
}
