package dev.jcompose.scheduler.convert;

import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceStorage;
import dev.jcompose.runtime.api.ContainerSpec.MountSpec;
import dev.jcompose.scheduler.api.ComposeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Service volumes, tmpfs and the scheduler-managed etc files to runtime mounts. Named and anonymous
 * volumes are resolved to data dirs through a {@link VolumeResolver} (which creates them and copies
 * up the image's content), so this class itself does no I/O.
 */
public final class MountConverter {

  /** Resolves a volume to its data dir, creating it if needed. */
  @FunctionalInterface
  public interface VolumeResolver {
    /**
     * The data directory of a volume.
     *
     * @param name engine volume name
     * @param anonymous true for anonymous volumes
     * @param target mount point in the container (for copy-up)
     * @param nocopy true when volume.nocopy is set
     */
    Path resolve(String name, boolean anonymous, String target, boolean nocopy);
  }

  private MountConverter() {}

  public static List<MountSpec> mounts(
      Project p, Service s, String containerName, VolumeResolver volumes) {
    List<MountSpec> out = new ArrayList<>();
    for (ServiceStorage.Mount v : s.storage().volumes()) {
      out.add(mount(p, s, containerName, v, volumes));
    }
    for (ServiceStorage.Tmpfs t : s.storage().tmpfs()) {
      out.add(tmpfs(t));
    }
    return out;
  }

  /**
   * The image's VOLUME paths no service mount covers: docker gives each an anonymous volume (filled
   * from the image, like any new volume).
   */
  public static List<MountSpec> imageVolumes(
      List<String> imageVolumes,
      List<MountSpec> covered,
      String containerName,
      VolumeResolver volumes) {
    List<MountSpec> out = new ArrayList<>();
    for (String target : imageVolumes == null ? List.<String>of() : imageVolumes) {
      if (covered.stream().noneMatch(m -> m.target().equals(target))) {
        String name = anonymousVolumeName(containerName, target);
        out.add(
            new MountSpec(
                MountSpec.Type.VOLUME,
                volumes.resolve(name, true, target, false),
                target,
                false,
                false,
                List.of()));
      }
    }
    return out;
  }

  /**
   * Anonymous volume names of a container: service mounts without source, then uncovered image
   * VOLUMEs.
   */
  public static List<String> anonymousVolumes(
      Service s, List<String> imageVolumes, String containerName) {
    List<String> out = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    for (ServiceStorage.Mount v : s.storage().volumes()) {
      targets.add(v.target());
      if (v.anonymous()) {
        out.add(anonymousVolumeName(containerName, v.target()));
      }
    }
    for (String t : imageVolumes == null ? List.<String>of() : imageVolumes) {
      if (!targets.contains(t)) {
        out.add(anonymousVolumeName(containerName, t));
      }
    }
    return out;
  }

  /** Engine name of an anonymous volume: stable per container and target so recreation keeps it. */
  public static String anonymousVolumeName(String containerName, String target) {
    return Hashing.sha256Hex(containerName + "\0" + target);
  }

  /** Engine name of a named volume, from the project's top-level volumes. */
  public static String volumeName(Project p, String key) {
    var vol = p.volumes() == null ? null : p.volumes().get(key);
    return vol != null && vol.name() != null ? vol.name() : p.name() + "_" + key;
  }

  private static MountSpec mount(
      Project p, Service s, String containerName, ServiceStorage.Mount v, VolumeResolver volumes) {
    boolean nocopy = Boolean.TRUE.equals(v.volumeNocopy());
    return switch (v.type()) {
      // Compose creates missing bind sources unless create_host_path: false (docker -v behaviour).
      case BIND ->
          new MountSpec(
              MountSpec.Type.BIND,
              Path.of(v.source()),
              v.target(),
              v.readOnly(),
              !Boolean.FALSE.equals(v.bindCreateHostPath()),
              propagation(v));
      case TMPFS ->
          new MountSpec(
              MountSpec.Type.TMPFS, null, v.target(), v.readOnly(), false, tmpfsOptions(v));
      case VOLUME -> {
        boolean anonymous = v.anonymous();
        String name =
            anonymous ? anonymousVolumeName(containerName, v.target()) : volumeName(p, v.source());
        Path dir = volumes.resolve(name, anonymous, v.target(), nocopy);
        Path src = v.volumeSubpath() == null ? dir : dir.resolve(v.volumeSubpath());
        yield new MountSpec(MountSpec.Type.VOLUME, src, v.target(), v.readOnly(), false, List.of());
      }
      default ->
          throw new ComposeException(
              ComposeException.Kind.INVALID,
              "service \""
                  + s.name()
                  + "\": volume type \""
                  + v.type().id()
                  + "\" is not supported");
    };
  }

  private static List<String> propagation(ServiceStorage.Mount v) {
    return v.bindPropagation() == null ? List.of() : List.of(v.bindPropagation());
  }

  private static List<String> tmpfsOptions(ServiceStorage.Mount v) {
    List<String> o = new ArrayList<>();
    if (v.tmpfsSize() != null) {
      o.add("size=" + v.tmpfsSize());
    }
    if (v.tmpfsMode() != null) {
      o.add("mode=" + Integer.toOctalString(v.tmpfsMode()));
    }
    return o;
  }

  /**
   * A {@code tmpfs} entry: read-only with "ro", the other options for the kernel (checked at load
   * by MountRules.tmpfs); nosuid and nodev are flags the runtime always sets, not tmpfs data.
   */
  static MountSpec tmpfs(ServiceStorage.Tmpfs t) {
    return new MountSpec(
        MountSpec.Type.TMPFS,
        null,
        t.target(),
        t.options().contains("ro"),
        false,
        t.options().stream()
            .filter(o -> !List.of("ro", "rw", "nosuid", "nodev").contains(o))
            .toList());
  }
}
