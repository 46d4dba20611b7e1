package dev.jcompose.convert.k8s;

import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceStorage;
import dev.jcompose.model.api.Volume;
import java.util.List;
import java.util.Map;

/**
 * A service's {@code volumes}, {@code tmpfs} and {@code shm_size} as pod volumes: named volumes as
 * PersistentVolumeClaims (see {@link VolumeClaims}), anonymous ones as {@code emptyDir} (both live
 * as long as the container's pod, as an anonymous volume lives as long as its container), tmpfs as
 * memory-backed {@code emptyDir}, {@code shm_size} as a memory {@code emptyDir} on /dev/shm. Binds
 * of project files become ConfigMaps ({@link BindFiles}); binds of other host paths have no
 * equivalent (a hostPath volume would tie the pod to one node's files) and are reported.
 */
final class Mounts {
  private Mounts() {}

  static void add(Context ctx, Service s, PodStorage storage) {
    List<ServiceStorage.Mount> volumes = s.storage().volumes();
    for (int i = 0; i < volumes.size(); i++) {
      ServiceStorage.Mount v = volumes.get(i);
      String[] path = Context.path(s, "volumes", String.valueOf(i));
      switch (v.type()) {
        case VOLUME -> volume(ctx, v, i, storage);
        case BIND -> BindFiles.add(ctx, s, v, path, storage);
        case TMPFS ->
            storage.add(
                Obj.of(
                    "name",
                    "tmpfs-" + i,
                    "emptyDir",
                    Obj.of(
                        "medium",
                        "Memory",
                        "sizeLimit",
                        v.tmpfsSize() == null ? null : Quantities.bytes(v.tmpfsSize()))),
                mount("tmpfs-" + i, v.target(), false, null));
        default ->
            ctx.findings()
                .report(
                    "a " + v.type().id() + " mount has no Kubernetes equivalent; not converted",
                    path);
      }
      if (v.tmpfsMode() != null) {
        ctx.findings()
            .report(
                "tmpfs mode has no Kubernetes field (emptyDir is created 0777); not converted",
                Labels.append(path, "tmpfs", "mode"));
      }
    }
    tmpfsList(ctx, s, storage);
    if (s.resources().shmSize() != null) {
      storage.add(
          Obj.of(
              "name",
              "dshm",
              "emptyDir",
              Obj.of("medium", "Memory", "sizeLimit", Quantities.bytes(s.resources().shmSize()))),
          mount("dshm", "/dev/shm", false, null));
    }
  }

  private static void volume(Context ctx, ServiceStorage.Mount v, int index, PodStorage storage) {
    if (v.anonymous()) {
      String name = "anon-" + index;
      storage.add(
          Obj.of("name", name, "emptyDir", Obj.empty()),
          mount(name, v.target(), v.readOnly(), null));
      return;
    }
    Volume top = ctx.project().volumes().get(v.source());
    String claim = VolumeClaims.claimName(v.source(), top);
    String name = Names.label(v.source());
    storage.add(
        Obj.of("name", name, "persistentVolumeClaim", Obj.of("claimName", claim)),
        mount(name, v.target(), v.readOnly(), v.volumeSubpath()));
  }

  /** The short {@code tmpfs:} list: "path" or "path:options" (only size= has a field). */
  private static void tmpfsList(Context ctx, Service s, PodStorage storage) {
    List<ServiceStorage.Tmpfs> tmpfs = s.storage().tmpfs();
    for (int i = 0; i < tmpfs.size(); i++) {
      String size = null;
      for (String opt : tmpfs.get(i).options()) {
        if (opt.startsWith("size=")) {
          size = opt.substring(5);
        } else {
          ctx.findings()
              .report(
                  "tmpfs option \"" + opt + "\" has no Kubernetes field; not converted",
                  Context.path(s, "tmpfs", String.valueOf(i)));
        }
      }
      String name = "tmpfs-list-" + i;
      storage.add(
          Obj.of(
              "name",
              name,
              "emptyDir",
              Obj.of("medium", "Memory", "sizeLimit", size == null ? null : dockerSize(size))),
          mount(name, tmpfs.get(i).target(), false, null));
    }
  }

  /** docker's tmpfs size (bytes or k/m/g suffix, binary units) as a quantity. */
  private static String dockerSize(String size) {
    String s = size.toLowerCase(java.util.Locale.ROOT);
    String unit =
        switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
          case 'k' -> "Ki";
          case 'm' -> "Mi";
          case 'g' -> "Gi";
          default -> "";
        };
    return unit.isEmpty() ? s : s.substring(0, s.length() - 1) + unit;
  }

  static Map<String, Object> mount(String volume, String target, boolean readOnly, String subPath) {
    return Obj.of(
        "name",
        volume,
        "mountPath",
        target,
        "readOnly",
        readOnly ? Boolean.TRUE : null,
        "subPath",
        subPath);
  }
}
