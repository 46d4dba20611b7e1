package dev.jcompose.runtime.volume;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers {@link Xattrs#get} for whole subtrees from one bulk read each, so walking a layer asks
 * the tools once per layer rather than once per directory. Not thread-safe; one per copy-up.
 */
final class CachedXattrs implements Xattrs {
  private final Xattrs delegate;
  private final List<Path> loadedTops = new ArrayList<>();
  private final Map<Path, Map<String, byte[]>> cache = new HashMap<>();

  CachedXattrs(Xattrs delegate) {
    this.delegate = delegate;
  }

  void preload(Path top) {
    if (loadedTops.stream().noneMatch(top::startsWith)) {
      cache.putAll(delegate.getTree(top));
      loadedTops.add(top);
    }
  }

  @Override
  public Map<String, byte[]> get(Path path) {
    if (loadedTops.stream().anyMatch(path::startsWith)) {
      return cache.getOrDefault(path, Map.of());
    }
    return delegate.get(path);
  }

  @Override
  public Map<Path, Map<String, byte[]>> getTree(Path top) {
    preload(top);
    Map<Path, Map<String, byte[]>> sub = new HashMap<>();
    cache.forEach((p, v) -> { if (p.startsWith(top)) sub.put(p, v); });
    return sub;
  }

  @Override
  public void set(Map<Path, Map<String, byte[]>> attrs) {
    delegate.set(attrs);
  }
}
