package dev.jcompose.convert.k8s;

import dev.jcompose.convert.api.Manifest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A pod's volumes and its container's mounts as they are collected, plus objects they need. */
final class PodStorage {
  private final List<Map<String, Object>> volumes = new ArrayList<>();
  private final List<Map<String, Object>> mounts = new ArrayList<>();
  private final List<Manifest> objects = new ArrayList<>();

  void add(Map<String, Object> volume, Map<String, Object> mount) {
    if (volumes.stream().noneMatch(v -> v.get("name").equals(volume.get("name")))) {
      volumes.add(volume);
    }
    mounts.add(mount);
  }

  void addObject(Manifest m) {
    objects.add(m);
  }

  /**
   * Pod volumes by name, so the manifest does not change when compose lists mounts in another
   * order.
   */
  List<Map<String, Object>> volumes() {
    return volumes.stream().sorted(Comparator.comparing(v -> (String) v.get("name"))).toList();
  }

  List<Map<String, Object>> mounts() {
    return mounts.stream().sorted(Comparator.comparing(m -> (String) m.get("mountPath"))).toList();
  }

  List<Manifest> objects() {
    return List.copyOf(objects);
  }
}
