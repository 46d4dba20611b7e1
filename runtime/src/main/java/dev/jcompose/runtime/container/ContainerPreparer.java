package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ContainerSpec.MountSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Lays out a new container's directories on the host: overlay upper/work/merged, the short layer
 * links, the etc files, bind sources; and resolves the process identity from the image.
 */
final class ContainerPreparer {
  private ContainerPreparer() {}

  static ProcessIdentity prepare(ContainerSpec spec, ContainerDirs dirs) throws IOException {
    Files.createDirectories(dirs.run());
    Files.createDirectories(dirs.execDir());
    for (Path p :
        List.of(dirs.upper(), dirs.work(), dirs.merged(), dirs.layerLinks(), dirs.etc())) {
      Files.createDirectories(p);
    }
    List<Path> topFirst = linkLayers(spec.image().layerDirs(), dirs);
    markAsContainer(dirs);
    writeEtcFiles(spec.etcFiles(), dirs);
    for (MountSpec m : spec.mounts()) {
      checkSource(m);
    }
    List<Path> roots = new ArrayList<>();
    roots.add(dirs.upper());
    roots.addAll(topFirst);
    return IdentityFactory.forContainer(spec, new UserResolver(roots));
  }

  /** overlay wants lowerdir top first; link i -> i-th layer from the top. */
  private static List<Path> linkLayers(List<Path> bottomFirst, ContainerDirs dirs)
      throws IOException {
    List<Path> topFirst = topFirst(bottomFirst);
    if (topFirst.isEmpty()) { // FROM scratch: overlay needs one lower dir
      Path empty = dirs.data().resolve("empty");
      Files.createDirectories(empty);
      topFirst.add(empty);
    }
    for (int i = 0; i < topFirst.size(); i++) {
      Path link = dirs.layerLinks().resolve(Integer.toString(i));
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, topFirst.get(i).toAbsolutePath());
    }
    return topFirst;
  }

  /**
   * An empty {@code /.dockerenv}, which programs test to know they run in a container; docker puts
   * it in every container's init layer (moby daemon/initlayer). Here it starts in the upper layer.
   */
  private static void markAsContainer(ContainerDirs dirs) throws IOException {
    Path marker = dirs.upper().resolve(".dockerenv");
    if (!Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
      Files.createFile(
          marker,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
  }

  static int layerCount(ContainerSpec spec) {
    return Math.max(1, topFirst(spec.image().layerDirs()).size());
  }

  /**
   * The layers top first, each directory once. An image may hold the same layer twice (two steps
   * that produced identical changes), but overlayfs refuses a lower dir given twice (ELOOP). Only
   * the topmost occurrence is kept: it shows the same files and whiteouts over everything the lower
   * one covered, so the merged view is the same.
   */
  private static List<Path> topFirst(List<Path> bottomFirst) {
    List<Path> reversed = new ArrayList<>(bottomFirst);
    Collections.reverse(reversed);
    return new ArrayList<>(new LinkedHashSet<>(reversed));
  }

  private static void writeEtcFiles(Map<String, String> files, ContainerDirs dirs)
      throws IOException {
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path f = dirs.etc().resolve(InitConfigBuilder.etcFileName(e.getKey()));
      Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
    }
  }

  private static void checkSource(MountSpec m) throws IOException {
    if (m.type() == MountSpec.Type.TMPFS) {
      return;
    }
    if (m.source() == null || !m.source().isAbsolute()) {
      throw new ContainerException(
          Kind.INVALID,
          "mount source for " + m.target() + " must be an absolute path: " + m.source());
    }
    if (Files.exists(m.source())) {
      return;
    }
    if (!m.createSource()) {
      throw new ContainerException(
          Kind.NOT_FOUND, "bind source path does not exist: " + m.source());
    }
    Files.createDirectories(m.source());
  }
}
