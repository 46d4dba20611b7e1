package dev.jcompose.runtime.volume;

import dev.jcompose.runtime.fs.LayerView;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * docker's copy-up of image content into a new volume (moby {@code container.CopyImagePathContent}
 * / {@code copyExistingContents}): the merged image directory at a path is copied with owners,
 * modes (setuid/setgid/sticky included), times, symlinks as symlinks, hard links as hard links,
 * device nodes and fifos recreated, and xattrs best effort; the volume root takes the owner and
 * mode of the image directory (that is how postgres' data dir ends up owned by postgres).
 */
final class CopyUp {
  private static final System.Logger LOG = System.getLogger(CopyUp.class.getName());
  private static final String OVERLAY_XATTRS = "trusted.overlay.";

  private final NativeOps ops;
  private final Xattrs xattrs;

  CopyUp(NativeOps ops, Xattrs xattrs) {
    this.ops = ops;
    this.xattrs = xattrs;
  }

  /** Copies; returns false when the image has no directory at {@code pathInImage}. */
  boolean copy(List<Path> layersBottomFirst, String pathInImage, Path dest) throws IOException {
    LayerView view =
        new LayerView(
            layersBottomFirst,
            dir -> {
              byte[] v = xattrs.get(dir).get("trusted.overlay.opaque");
              return v != null
                  && new String(v, java.nio.charset.StandardCharsets.UTF_8).equals("y");
            });
    Optional<LayerView.Entry> source = view.resolve(pathInImage);
    if (source.isEmpty() || !source.get().isDir() || source.get().dirs().isEmpty()) {
      return false;
    }
    Run run = new Run(view, ops, xattrs);
    run.copyDir(source.get(), dest);
    xattrs.set(run.pendingXattrs);
    return true;
  }

  /**
   * State of one copy: hard links seen and xattrs to apply after all chowns (chown clears caps).
   */
  private static final class Run {
    private final LayerView view;
    private final NativeOps ops;
    private final Xattrs xattrs;
    private final Map<String, Path> linksByInode = new HashMap<>();
    final Map<Path, Map<String, byte[]>> pendingXattrs = new LinkedHashMap<>();

    Run(LayerView view, NativeOps ops, Xattrs xattrs) {
      this.ops = ops;
      this.view = view;
      this.xattrs = xattrs;
    }

    void copyDir(LayerView.Entry dir, Path dest) throws IOException {
      for (String name : view.names(dir)) {
        LayerView.Entry child = view.child(dir, name).orElseThrow();
        Path target = dest.resolve(name);
        if (child.isDir()) {
          Files.createDirectory(target);
          copyDir(child, target);
        } else {
          copyNode(child.node(), target);
        }
      }
      copyMetadata(dir.top(), dest);
    }

    private void copyNode(Path src, Path target) throws IOException {
      Map<String, Object> a =
          Files.readAttributes(src, "unix:mode,ino,dev,nlink,rdev", LinkOption.NOFOLLOW_LINKS);
      String inode = a.get("dev") + ":" + a.get("ino");
      if ((Integer) a.get("nlink") > 1 && linksByInode.containsKey(inode)) {
        Files.createLink(target, linksByInode.get(inode));
        return;
      }
      if (Files.isSymbolicLink(src)) {
        Files.createSymbolicLink(target, Files.readSymbolicLink(src));
      } else if (Files.isRegularFile(src, LinkOption.NOFOLLOW_LINKS)) {
        Files.copy(src, target, LinkOption.NOFOLLOW_LINKS);
      } else if (!SpecialFiles.create(ops, target, (Integer) a.get("mode"), (Long) a.get("rdev"))) {
        LOG.log(Level.WARNING, "copy-up skipped " + src + " (socket or unsupported file type)");
        return;
      }
      linksByInode.put(inode, target);
      copyMetadata(src, target);
    }

    /** Owner first, then mode: chown(2) clears setuid/setgid bits. */
    private void copyMetadata(Path src, Path target) throws IOException {
      Map<String, Object> a =
          Files.readAttributes(
              src, "unix:uid,gid,mode,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(target, "unix:uid", a.get("uid"), LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(target, "unix:gid", a.get("gid"), LinkOption.NOFOLLOW_LINKS);
      if (!Files.isSymbolicLink(target)) {
        Files.setAttribute(target, "unix:mode", (Integer) a.get("mode") & 07777);
      }
      // Only files and dirs: setting times opens the path, which blocks on a fifo and would
      // follow a symlink (Java has no lutimes).
      if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
          || Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        Files.setLastModifiedTime(target, (FileTime) a.get("lastModifiedTime"));
      }
      Map<String, byte[]> x = new LinkedHashMap<>(xattrs.get(src.toAbsolutePath()));
      x.keySet().removeIf(k -> k.startsWith(OVERLAY_XATTRS));
      if (!x.isEmpty()) {
        pendingXattrs.put(target.toAbsolutePath(), x);
      }
    }
  }
}
