package dev.jcompose.builder.exec;

import dev.jcompose.builder.api.BuildException;
import dev.jcompose.builder.api.BuildException.Kind;
import dev.jcompose.runtime.fs.LayerView;
import dev.jcompose.runtime.fs.Trees;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Writes one new layer directory in overlay form on top of existing layers, the way the kernel
 * would if the writes happened in a container: image paths are resolved through the merged view
 * (symlinks followed inside the image, never on the host), and a directory that must be created in
 * the new layer but exists below keeps the metadata it has below, so the merged view only changes
 * where something was written. Every host path written is checked component by component not to be
 * a symlink. Not thread-safe.
 */
final class LayerWriter {
  private final NativeOps ops;
  private final Path layer;
  private final List<Path> below;
  private final byte[] buffer = new byte[1 << 17];

  /**
   * @param below the layer dirs under the new one, bottom first (none for COPY --link)
   */
  LayerWriter(NativeOps ops, Path layer, List<Path> below) {
    this.ops = ops;
    this.layer = layer;
    this.below = below;
  }

  Path dir() {
    return layer;
  }

  /** The merged view of the layers below plus what was written so far. */
  LayerView view() {
    List<Path> all = new ArrayList<>(below);
    all.add(layer);
    return new LayerView(all, this::opaque);
  }

  private LayerView belowView() {
    return new LayerView(below, this::opaque);
  }

  private boolean opaque(Path dir) {
    return opaque(ops).test(dir);
  }

  /** Whether a layer directory is opaque (trusted.overlay.opaque=y), read through {@code ops}. */
  static java.util.function.Predicate<Path> opaque(NativeOps ops) {
    return dir -> {
      try {
        return ops.lgetxattr(dir, "trusted.overlay.opaque")
            .map(v -> new String(v, StandardCharsets.UTF_8).equals("y"))
            .orElse(false);
      } catch (IOException e) {
        return false;
      }
    };
  }

  /** Owner and mode for a directory the writer must create. */
  record Owner(long uid, long gid) {
    static final Owner ROOT = new Owner(0, 0);
  }

  /** The symlink-free image path {@code path} names now. */
  String canonical(String path) {
    return view().canonical(path);
  }

  /** Whether the merged view has a directory at canonical {@code path}. */
  boolean isDir(String path) {
    return view().resolve(path).map(LayerView.Entry::isDir).orElse(false);
  }

  boolean exists(String path) {
    return view().resolve(path).isPresent();
  }

  /**
   * Makes every directory of canonical {@code path} exist in the new layer and returns its host
   * path: copied metadata where it exists below, else {@code mode} and {@code owner}.
   */
  Path mkdirs(String path, int mode, Owner owner) throws IOException {
    Path host = layer;
    StringBuilder image = new StringBuilder();
    for (String c : components(path)) {
      image.append('/').append(c);
      host = host.resolve(c);
      BasicFileAttributes a = lstat(host);
      if (a != null && a.isDirectory()) {
        continue;
      }
      if (a != null) {
        Trees.deleteRecursively(host); // a file of this layer where a directory must be: replaced
      }
      Files.createDirectory(host);
      Optional<LayerView.Entry> existing =
          belowView().resolve(image.toString()).filter(LayerView.Entry::isDir);
      if (existing.isPresent()) {
        copyMetadata(existing.get().top(), host);
      } else {
        ops.chmod(host, mode);
        chown(host, owner.uid(), owner.gid());
      }
    }
    return host;
  }

  /**
   * The host path for canonical {@code path}, its parents made, anything of this layer there
   * removed.
   */
  Path prepare(String path, Owner parents) throws IOException {
    int slash = path.lastIndexOf('/');
    Path parent = mkdirs(path.substring(0, Math.max(slash, 0)), 0755, parents);
    Path host = parent.resolve(path.substring(slash + 1));
    if (lstat(host) != null) {
      Trees.deleteRecursively(host);
    }
    return host;
  }

  void writeFile(Path host, InputStream content, int mode, long uid, long gid, FileTime mtime)
      throws IOException {
    try (OutputStream out =
        Files.newOutputStream(
            host,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS)) {
      for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
        out.write(buffer, 0, n);
      }
    }
    finish(host, mode, uid, gid, mtime);
  }

  void writeDir(Path host, int mode, long uid, long gid, FileTime mtime) throws IOException {
    BasicFileAttributes a = lstat(host);
    if (a == null || !a.isDirectory()) {
      if (a != null) {
        Trees.deleteRecursively(host);
      }
      Files.createDirectory(host);
    }
    finish(host, mode, uid, gid, mtime);
  }

  void writeSymlink(Path host, String target, long uid, long gid, FileTime mtime)
      throws IOException {
    Files.createSymbolicLink(host, Path.of(target));
    chown(host, uid, gid);
    times(host, mtime);
  }

  void writeFifo(Path host, int mode, long uid, long gid, FileTime mtime) throws IOException {
    ops.mknod(host, NativeOps.S_IFIFO | (mode & 07777), 0, 0);
    finish(host, mode, uid, gid, mtime);
  }

  // chown clears setuid/setgid, so the mode comes after it.
  private void finish(Path host, int mode, long uid, long gid, FileTime mtime) throws IOException {
    chown(host, uid, gid);
    ops.chmod(host, mode);
    times(host, mtime);
  }

  /** Re-applies a directory's time after its children were written (writing them changed it). */
  void times(Path host, FileTime mtime) throws IOException {
    long nanos = mtime.to(TimeUnit.NANOSECONDS);
    ops.setTimes(host, Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  private void chown(Path host, long uid, long gid) throws IOException {
    if (ops.canChown()) {
      ops.lchown(host, uid, gid);
    }
  }

  private void copyMetadata(Path from, Path to) throws IOException {
    Map<String, Object> a =
        Files.readAttributes(from, "unix:mode,uid,gid,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
    chown(to, ((Number) a.get("uid")).longValue(), ((Number) a.get("gid")).longValue());
    ops.chmod(to, (Integer) a.get("mode") & 07777);
    times(to, (FileTime) a.get("lastModifiedTime"));
  }

  /** True when nothing was written: the step changed nothing. */
  boolean isEmpty() throws IOException {
    return Trees.isEmptyDir(layer);
  }

  static BasicFileAttributes lstat(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    }
  }

  static List<String> components(String path) {
    List<String> out = new ArrayList<>();
    for (String c : path.split("/", -1)) {
      if (!c.isEmpty() && !c.equals(".")) {
        if (c.equals("..")) {
          throw new BuildException(Kind.INTERNAL, "unexpected '..' in canonical path " + path);
        }
        out.add(c);
      }
    }
    return out;
  }
}
