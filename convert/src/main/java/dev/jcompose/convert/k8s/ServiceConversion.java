package dev.jcompose.convert.k8s;

import dev.jcompose.convert.api.Manifest;
import dev.jcompose.model.api.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The objects of one compose service: its workload, the Services that name it, and the ConfigMaps
 * its mounts and env need.
 */
final class ServiceConversion {
  private ServiceConversion() {}

  static List<Manifest> of(Context ctx, Service s, Set<String> referenced) {
    PodStorage storage = new PodStorage();
    Mounts.add(ctx, s, storage);
    FileRefs.add(ctx, s, storage);
    Map<String, Object> container = Containers.main(ctx, s, storage);
    List<Map<String, Object>> waits = Waits.initContainers(ctx, s);
    WorkloadKind kind = ctx.kindOf(s.name());
    String restartPolicy = kind == WorkloadKind.JOB ? Restarts.jobPodPolicy(s) : null;
    NetworkModes.check(ctx, s);
    Map<String, Object> pod = PodSpecs.spec(ctx, s, container, waits, storage, restartPolicy);
    List<Manifest> out = new ArrayList<>();
    out.add(new Manifest(Workloads.of(ctx, s, pod)));
    out.addAll(KubeServices.of(ctx, s, referenced));
    out.addAll(storage.objects());
    return out;
  }
}
