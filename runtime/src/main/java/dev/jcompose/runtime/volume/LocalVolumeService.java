package dev.jcompose.runtime.volume;

import dev.jcompose.common.fs.AtomicFile;
import dev.jcompose.common.fs.FileLocks;
import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonException;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.api.VolumeService;
import dev.jcompose.runtime.fs.TreeSize;
import dev.jcompose.runtime.fs.Trees;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
  private static final String USERS = "users";

  private final Path root;
  private final CopyUp copyUp;
  private final VolumeMounts mounts;

  public LocalVolumeService(RuntimePaths paths) {
    this(paths, NativeOps.real(), Xattrs.of(NativeOps.real()));
  }

  LocalVolumeService(RuntimePaths paths, NativeOps ops, Xattrs xattrs) {
    this.root = paths.volumes();
    this.copyUp = new CopyUp(ops, xattrs);
    this.mounts = new VolumeMounts(ops);
  }

  @SuppressWarnings("try") // the resource is a lock (or watcher) held for the block, not used in it
  @Override
  public VolumeInfo ensure(
      String name, Map<String, String> labels, Map<String, String> driverOpts) {
    VolumeNames.check(name);
    LocalDriverOptions options = LocalDriverOptions.parse(name, driverOpts);
    try {
      Files.createDirectories(root);
      try (FileLocks.Held lock = FileLocks.acquire(lockFile())) {
        Optional<VolumeInfo> existing = find(name);
        if (existing.isPresent()) {
          return existing.get();
        }
        return create(
            name, labels == null ? Map.of() : labels, options == null ? Map.of() : options.asMap());
      }
    } catch (IOException e) {
      throw new ContainerException(
          Kind.UNAVAILABLE, "cannot create volume " + name + ": " + e.getMessage(), e);
    }
  }

  private VolumeInfo create(String name, Map<String, String> labels, Map<String, String> options)
      throws IOException {
    Path dir = root.resolve(name);
    Files.createDirectories(dir.resolve(DATA));
    VolumeMeta meta =
        new VolumeMeta(
            name,
            "local",
            new TreeMap<>(labels),
            Instant.now().toString(),
            options.isEmpty() ? null : new TreeMap<>(options));
    AtomicFile.write(dir.resolve(META), Json.pretty(meta).getBytes(StandardCharsets.UTF_8));
    return new VolumeInfo(name, dir.resolve(DATA), Map.copyOf(labels), true, options);
  }

  /**
   * Its users are kept in {@code <name>/users}, one per line, under the volumes' lock, so a
   * restarted engine (or a CLI) knows when the last one leaves; whether the options are mounted is
   * read from the kernel (a reboot unmounts them), never remembered.
   */
  @SuppressWarnings("try") // the resource is a lock held for the block, not used in it
  @Override
  public Use use(String name, String user) {
    VolumeInfo volume =
        find(name)
            .orElseThrow(() -> new ContainerException(Kind.NOT_FOUND, "no such volume: " + name));
    LocalDriverOptions options = LocalDriverOptions.parse(name, volume.options());
    if (options == null) {
      return new Use(volume.dataDir(), false);
    }
    try (FileLocks.Held lock = FileLocks.acquire(lockFile())) {
      Set<String> users = users(name);
      boolean mount = !VolumeMounts.isMounted(volume.dataDir());
      if (mount) {
        mounts.mount(name, options, volume.dataDir());
      }
      users.add(user);
      writeUsers(name, users);
      return new Use(volume.dataDir(), mount);
    } catch (IOException e) {
      throw new ContainerException(
          Kind.UNAVAILABLE, "cannot mount volume " + name + ": " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("try") // the resource is a lock held for the block, not used in it
  @Override
  public void release(String user) {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (FileLocks.Held lock = FileLocks.acquire(lockFile());
        Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.filter(d -> Files.exists(d.resolve(USERS))).toList()) {
        String name = dir.getFileName().toString();
        Set<String> users = users(name);
        if (users.remove(user)) {
          writeUsers(name, users);
          if (users.isEmpty()) {
            mounts.unmount(dir.resolve(DATA));
          }
        }
      }
    } catch (IOException e) {
      throw new ContainerException(
          Kind.UNAVAILABLE, "cannot release volumes of " + user + ": " + e.getMessage(), e);
    }
  }

  private Set<String> users(String name) throws IOException {
    Path file = root.resolve(name).resolve(USERS);
    return Files.exists(file) ? new TreeSet<>(Files.readAllLines(file)) : new TreeSet<>();
  }

  private void writeUsers(String name, Set<String> users) throws IOException {
    AtomicFile.write(
        root.resolve(name).resolve(USERS),
        users.isEmpty()
            ? new byte[0]
            : (String.join("\n", users) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Optional<VolumeInfo> find(String name) {
    VolumeNames.check(name);
    Path dir = root.resolve(name);
    try {
      VolumeMeta meta = Json.read(Files.readAllBytes(dir.resolve(META)), VolumeMeta.class);
      Map<String, String> labels = meta.labels() == null ? Map.of() : Map.copyOf(meta.labels());
      return Optional.of(new VolumeInfo(name, dir.resolve(DATA), labels, false, meta.options()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | JsonException e) {
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
      // What its options mounted goes first: the delete below must not reach into a bound host
      // path.
      mounts.unmount(dir.resolve(DATA));
      if (VolumeMounts.isMounted(dir.resolve(DATA))) {
        throw new ContainerException(
            Kind.CONFLICT, "volume " + name + " is still mounted on " + dir.resolve(DATA));
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
