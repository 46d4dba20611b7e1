package dev.jcompose.model.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What is mounted into a service's containers: volumes and binds, tmpfs, secrets and configs, and
 * the mounts of other containers ({@code volumes_from}: {@code service[:ro|rw]} or {@code
 * container:name[:ro|rw]} as written).
 */
public record ServiceStorage(
    List<Mount> volumes,
    List<Tmpfs> tmpfs,
    List<FileRef> secrets,
    List<FileRef> configs,
    List<String> volumesFrom) {

  public ServiceStorage {
    volumes = Copies.list(volumes);
    tmpfs = Copies.list(tmpfs);
    secrets = Copies.list(secrets);
    configs = Copies.list(configs);
    volumesFrom = Copies.list(volumesFrom);
  }

  public ServiceStorage(
      List<Mount> volumes, List<Tmpfs> tmpfs, List<FileRef> secrets, List<FileRef> configs) {
    this(volumes, tmpfs, secrets, configs, null);
  }

  public static final ServiceStorage NONE = new ServiceStorage(null, null, null, null, null);

  public ServiceStorage withVolumesFrom(List<String> v) {
    return new ServiceStorage(volumes, tmpfs, secrets, configs, v);
  }

  public ServiceStorage withVolumes(List<Mount> v) {
    return new ServiceStorage(v, tmpfs, secrets, configs, volumesFrom);
  }

  public ServiceStorage withTmpfs(List<Tmpfs> v) {
    return new ServiceStorage(volumes, v, secrets, configs, volumesFrom);
  }

  public ServiceStorage withSecrets(List<FileRef> v) {
    return new ServiceStorage(volumes, tmpfs, v, configs, volumesFrom);
  }

  public ServiceStorage withConfigs(List<FileRef> v) {
    return new ServiceStorage(volumes, tmpfs, secrets, v, volumesFrom);
  }

  /** The mount types of the compose spec. */
  public enum MountType {
    VOLUME,
    BIND,
    TMPFS,
    NPIPE,
    IMAGE,
    CLUSTER;

    public static MountType parse(String text) {
      return valueOf(text.toUpperCase(Locale.ROOT));
    }

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A mount in long form. For binds {@code source} is an absolute host path; for named volumes the
   * volume KEY (resolve the engine name through {@link Project#volumes()}); null for anonymous
   * ones.
   *
   * @param bindCreateHostPath null unless a {@code bind} section is written
   * @param tmpfsSize bytes, null = the kernel's default
   */
  public record Mount(
      MountType type,
      String source,
      String target,
      boolean readOnly,
      String consistency,
      Boolean bindCreateHostPath,
      String bindPropagation,
      String bindSelinux,
      Boolean volumeNocopy,
      String volumeSubpath,
      Long tmpfsSize,
      Integer tmpfsMode) {

    /** A mount with only the usual attributes set. */
    public static Mount of(MountType type, String source, String target, boolean readOnly) {
      return new Mount(
          type, source, target, readOnly, null, null, null, null, null, null, null, null);
    }

    public boolean anonymous() {
      return type == MountType.VOLUME && (source == null || source.isEmpty());
    }
  }

  /** A {@code tmpfs} entry {@code /run[:opt,opt...]}: the options go to the kernel as written. */
  public record Tmpfs(String target, List<String> options) {

    public Tmpfs {
      options = Copies.list(options);
    }

    public static Tmpfs parse(String spec) {
      int colon = spec.indexOf(':');
      return colon < 0
          ? new Tmpfs(spec, List.of())
          : new Tmpfs(
              spec.substring(0, colon), Arrays.asList(spec.substring(colon + 1).split(",")));
    }
  }

  /**
   * A reference from a service to a top-level secret or config, long form.
   *
   * @param mode file mode, null = the engine's default
   */
  public record FileRef(String source, String target, String uid, String gid, Integer mode) {}
}
