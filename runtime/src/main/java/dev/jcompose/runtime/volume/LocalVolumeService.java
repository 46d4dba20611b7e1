package dev.jcompose.runtime.volume;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jcompose.common.fs.AtomicFile;
import dev.jcompose.common.fs.FileLocks;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.api.VolumeService;
import dev.jcompose.runtime.fs.TreeSize;
import dev.jcompose.runtime.fs.Trees;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * docker's "local" volume driver: {@code <dataRoot>/volumes/<name>/_data} is what containers mount,
 * {@code <name>/meta.json} keeps labels and creation time. Create and remove hold a lock ({@code
 * volumes/.lock}) so concurrent {@link #ensure} calls for one name agree on who created it; reads
 * need no lock because meta.json appears atomically and last.
 *
 * <p>Thread-safe, and safe against other processes using the same data root. It knows nothing of
 * containers: refusing to remove a volume in use is the engine's job.
 */
public final class LocalVolumeService implements VolumeService {
  private static final String DATA = "_data";
  private static final String META = "meta.json";

  private final Path root;
  private final ObjectMapper json =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private final CopyUp copyUp;

  public LocalVolumeService(RuntimePaths paths) {
    this(paths, NativeOps.real(), Xattrs.of(NativeOps.real()));
  }

  LocalVolumeService(RuntimePaths paths, NativeOps ops, Xattrs xattrs) {
    this.root = paths.volumes();
    this.copyUp = new CopyUp(ops, xattrs);
  }

  @SuppressWarnings("try") // the resource is a lock (or watcher) held for the block, not used in it
  @Override
  public VolumeInfo ensure(String name, Map<String, String> labels) {
    VolumeNames.check(name);
    try {
      Files.createDirectories(root);
      try (FileLocks.Held lock = FileLocks.acquire(lockFile())) {
        Optional<VolumeInfo> existing = find(name);
        if (existing.isPresent()) {
          return existing.get();
        }
        return create(name, labels == null ? Map.of() : labels);
      }
    } catch (IOException e) {
      throw new ContainerException(
          Kind.UNAVAILABLE, "cannot create volume " + name + ": " + e.getMessage(), e);
    }
  }

  private VolumeInfo create(String name, Map<String, String> labels) throws IOException {
    Path dir = root.resolve(name);
    Files.createDirectories(dir.resolve(DATA));
    VolumeMeta meta =
        new VolumeMeta(name, "local", new TreeMap<>(labels), Instant.now().toString());
    AtomicFile.write(
        dir.resolve(META), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(meta));
    return new VolumeInfo(name, dir.resolve(DATA), Map.copyOf(labels), true);
  }

  @Override
  public Optional<VolumeInfo> find(String name) {
    VolumeNames.check(name);
    Path dir = root.resolve(name);
    try {
      VolumeMeta meta = json.readValue(Files.readAllBytes(dir.resolve(META)), VolumeMeta.class);
      Map<String, String> labels = meta.labels() == null ? Map.of() : Map.copyOf(meta.labels());
      return Optional.of(new VolumeInfo(name, dir.resolve(DATA), labels, false));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new ContainerException(
          Kind.UNAVAILABLE,
          "cannot read volume " + name + " (" + dir.resolve(META) + "): " + e.getMessage(),
          e);
    }
  }

  @Override
  public List<VolumeInfo> list() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<VolumeInfo> volumes = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.sorted().toList()) {
        String name = dir.getFileName().toString();
        // dot-dirs are removals in progress; other odd names were not made by us
        if (VolumeNames.isValid(name) && Files.isDirectory(dir)) {
          find(name).ifPresent(volumes::add);
        }
      }
    } catch (IOException e) {
      throw new ContainerException(
          Kind.UNAVAILABLE, "cannot list volumes in " + root + ": " + e.getMessage(), e);
    }
    return volumes;
  }

  @SuppressWarnings("try") // the resource is a lock (or watcher) held for the block, not used in it
  @Override
  public void remove(String name) {
    VolumeNames.check(name);
    try (FileLocks.Held lock = FileLocks.acquire(lockFile())) {
      Path dir = root.resolve(name);
      if (!Files.exists(dir.resolve(META))) {
        throw new ContainerException(Kind.NOT_FOUND, "no such volume: " + name);
      }
      // Rename first so the volume vanishes at once for readers, then delete at leisure.
      Path doomed = root.resolve(".removing-" + name + "-" + UUID.randomUUID());
      Files.move(dir, doomed);
      Trees.deleteRecursively(doomed);
    } catch (IOException e) {
      throw new ContainerException(
          Kind.UNAVAILABLE, "cannot remove volume " + name + ": " + e.getMessage(), e);
    }
  }

  private Path lockFile() throws IOException {
    Files.createDirectories(root);
    return root.resolve(".lock");
  }

  /**
   * docker's copy-up: fills a volume that is still empty with the image's content at {@code
   * pathInImage}, ownership and mode of that directory included. Does nothing if the volume has
   * content already or the image has no directory there.
   */
  @Override
  public long size(String name) {
    return find(name).map(v -> TreeSize.of(NativeOps.real(), v.dataDir())).orElse(0L);
  }

  @Override
  public void populateFromImage(String name, ImageHandle image, String pathInImage) {
    VolumeInfo volume =
        find(name)
            .orElseThrow(() -> new ContainerException(Kind.NOT_FOUND, "no such volume: " + name));
    try {
      if (Trees.isEmptyDir(volume.dataDir())) {
        copyUp.copy(image.layerDirs(), pathInImage, volume.dataDir());
      }
    } catch (IOException e) {
      throw new ContainerException(
          Kind.UNAVAILABLE,
          "cannot copy "
              + pathInImage
              + " of image "
              + image.reference()
              + " into volume "
              + name
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
