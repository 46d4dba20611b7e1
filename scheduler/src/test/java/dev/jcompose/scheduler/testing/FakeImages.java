package dev.jcompose.scheduler.testing;

import dev.jcompose.runtime.api.ImageConfig;
import dev.jcompose.runtime.api.ImageDescription;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.ImageService;
import java.io.InputStream;
import java.io.OutputStream;
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

  @Override
  public void tag(String source, String target) {
    ImageHandle h = local.get(source);
    local.put(
        target,
        new ImageHandle(target, h.digest(), h.imageId(), h.layerDirs(), h.config(), h.sizeBytes()));
  }

  @Override
  public Optional<ImageDescription> describe(String reference) {
    return find(reference)
        .map(h -> new ImageDescription(h, null, "amd64", "linux", List.of(), List.of()));
  }

  @Override
  public void save(List<String> references, OutputStream out) {
    throw new UnsupportedOperationException("save is proven end to end");
  }

  @Override
  public ImageHandle commit(dev.jcompose.runtime.api.ImageCommit commit) {
    throw new UnsupportedOperationException("commit is proven end to end");
  }

  @Override
  public List<String> load(InputStream in, PullProgress progress) {
    throw new UnsupportedOperationException("load is proven end to end");
  }
}
