package dev.jcompose.scheduler.testing;

import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.VolumeService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory volumes under a fake data dir; records copy-ups. */
public final class FakeVolumes implements VolumeService {
  public final Map<String, VolumeInfo> volumes = new ConcurrentHashMap<>();
  public final List<String> populated = Collections.synchronizedList(new ArrayList<>());

  /** Volume name to the containers using it (only volumes with options count users). */
  public final Map<String, java.util.Set<String>> users = new ConcurrentHashMap<>();

  @Override
  public VolumeInfo ensure(
      String name, Map<String, String> labels, Map<String, String> driverOpts) {
    VolumeInfo existing = volumes.get(name);
    if (existing != null) {
      return new VolumeInfo(name, existing.dataDir(), existing.labels(), false, existing.options());
    }
    VolumeInfo v =
        new VolumeInfo(name, Path.of("/fake/volumes", name, "_data"), labels, true, driverOpts);
    volumes.put(name, v);
    return v;
  }

  @Override
  public Use use(String name, String user) {
    VolumeInfo v = volumes.get(name);
    if (v.options().isEmpty()) {
      return new Use(v.dataDir(), false);
    }
    java.util.Set<String> u = users.computeIfAbsent(name, k -> ConcurrentHashMap.newKeySet());
    boolean first = u.isEmpty();
    u.add(user);
    return new Use(v.dataDir(), first);
  }

  @Override
  public void release(String user) {
    users.values().forEach(u -> u.remove(user));
  }

  @Override
  public Optional<VolumeInfo> find(String name) {
    return Optional.ofNullable(volumes.get(name));
  }

  @Override
  public List<VolumeInfo> list() {
    return List.copyOf(volumes.values());
  }

  @Override
  public void remove(String name) {
    volumes.remove(name);
  }

  @Override
  public long size(String name) {
    return 0;
  }

  @Override
  public void populateFromImage(String name, ImageHandle image, String pathInImage) {
    populated.add(name + ":" + pathInImage);
  }
}
