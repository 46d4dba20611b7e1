package dev.jcompose.scheduler.testing;

import dev.jcompose.runtime.api.ImageConfig;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.ImageService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Images that "pull" instantly; every image runs "sleep infinity" unless told otherwise. */
public final class FakeImages implements ImageService {
  public final Map<String, ImageHandle> local = new ConcurrentHashMap<>();
  public final List<String> pulls = Collections.synchronizedList(new ArrayList<>());

  public static ImageHandle handle(String ref) {
    return new ImageHandle(
        ref,
        "sha256:d-" + ref,
        "sha256:i-" + ref,
        List.of(),
        new ImageConfig(
            null,
            List.of("sleep", "infinity"),
            List.of("PATH=/bin"),
            null,
            null,
            List.of(),
            List.of(),
            null,
            Map.of(),
            null),
        0);
  }

  public FakeImages with(String ref) {
    local.put(ref, handle(ref));
    return this;
  }

  @Override
  public ImageHandle pull(String reference, PullProgress progress) {
    pulls.add(reference);
    return local.computeIfAbsent(reference, FakeImages::handle);
  }

  @Override
  public Optional<ImageHandle> find(String reference) {
    return Optional.ofNullable(local.get(reference));
  }

  @Override
  public List<ImageHandle> list() {
    return List.copyOf(local.values());
  }

  @Override
  public void remove(String reference) {
    local.remove(reference);
  }
}
