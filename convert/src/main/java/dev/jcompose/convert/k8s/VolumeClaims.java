package dev.jcompose.convert.k8s;

import dev.jcompose.convert.api.Manifest;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceStorage;
import dev.jcompose.model.api.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One PersistentVolumeClaim per named volume that a service mounts (compose creates only those
 * too), named by the volume's key: a namespace already scopes it, as the project prefix scopes
 * compose's. A claim mounted by more than one pod (replicas, or several services sharing the volume
 * as compose allows) asks for ReadWriteMany, else ReadWriteOnce. External volumes are claims that
 * must already exist, under their {@code name}. The size is the caller's choice: compose volumes
 * have none.
 */
final class VolumeClaims {
  private VolumeClaims() {}

  static String claimName(String key, Volume volume) {
    return volume != null && volume.external() && volume.name() != null
        ? volume.name()
        : Names.label(key);
  }

  static List<Manifest> of(Context ctx) {
    Map<String, Integer> pods = new TreeMap<>();
    ctx.project()
        .services()
        .values()
        .forEach(
            s ->
                s.storage().volumes().stream()
                    .filter(v -> v.type() == ServiceStorage.MountType.VOLUME && !v.anonymous())
                    .map(ServiceStorage.Mount::source)
                    .distinct()
                    .forEach(key -> pods.merge(key, podCount(ctx, s), Integer::sum)));
    List<Manifest> out = new ArrayList<>();
    pods.forEach(
        (key, count) -> {
          Volume v = ctx.project().volumes().get(key);
          if (v == null || !v.external()) {
            out.add(
                new Manifest(claim(ctx, key, v, count > 1 ? "ReadWriteMany" : "ReadWriteOnce")));
          }
        });
    return out;
  }

  /** DaemonSets count as many: one pod per node. */
  private static int podCount(Context ctx, Service s) {
    return ctx.kindOf(s.name()) == WorkloadKind.DAEMONSET ? 2 : Math.max(1, s.lifecycle().scale());
  }

  private static Map<String, Object> claim(Context ctx, String key, Volume v, String accessMode) {
    String[] path = {"volumes", key};
    Labels.Split labels =
        Labels.split(
            v == null ? Map.of() : v.labels(),
            Labels.project(ctx.project().name()),
            ctx.findings(),
            Labels.append(path, "labels"));
    if (v != null && v.driver() != null && !v.driver().equals("local")) {
      ctx.findings()
          .report(
              "volume driver "
                  + v.driver()
                  + " has no Kubernetes equivalent (choose a StorageClass); not converted",
              Labels.append(path, "driver"));
    }
    if (v != null && v.driverOpts() != null && !v.driverOpts().isEmpty()) {
      ctx.findings()
          .report(
              "driver options have no Kubernetes equivalent; not converted",
              Labels.append(path, "driver_opts"));
    }
    Map<String, Object> o =
        Obj.object(
            "v1",
            "PersistentVolumeClaim",
            Obj.of(
                "name",
                Names.label(key),
                "labels",
                labels.labels(),
                "annotations",
                labels.annotations()));
    o.put(
        "spec",
        Obj.of(
            "accessModes",
            List.of(accessMode),
            "resources",
            Obj.of("requests", Obj.of("storage", ctx.options().storageSize()))));
    return o;
  }
}
