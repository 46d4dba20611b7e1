package dev.jcompose.convert.k8s;

import dev.jcompose.convert.api.Manifest;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Binds of files the project ships (a config file, a directory of scripts): the same bytes as a
 * ConfigMap mounted at the target — what a cluster has instead of the author's checkout. Only
 * sources inside the project directory qualify, and only regular files (a directory's own files,
 * not its subdirectories) within a ConfigMap's size limit; a ConfigMap is read-only, so a writable
 * bind is reported. Everything else is a host path and is reported, not converted.
 */
final class BindFiles {
  /** etcd's request limit is 1.5 MiB; the API server caps a ConfigMap's data at 1 MiB. */
  static final long MAX_BYTES = 1024 * 1024 - 4096;

  private static final int MAX_FILES = 64;

  private BindFiles() {}

  static void add(
      Context ctx, Service s, ServiceStorage.Mount v, String[] path, PodStorage storage) {
    Path project = ctx.project().workingDir().toAbsolutePath().normalize();
    Path source = Path.of(v.source()).toAbsolutePath().normalize();
    List<Path> files = source.startsWith(project) && !source.equals(project) ? files(source) : null;
    if (files == null) {
      ctx.findings()
          .report(
              "bind mount of host path "
                  + v.source()
                  + " has no Kubernetes equivalent "
                  + "(only files and flat directories of the project become ConfigMaps); not converted",
              path);
      return;
    }
    String name = Names.label(ctx.nameOf(s.name()) + "-" + project.relativize(source));
    Map<String, Object> data = new java.util.TreeMap<>();
    Map<String, Object> binary = new java.util.TreeMap<>();
    List<Map<String, Object>> items = new ArrayList<>();
    for (Path f : files) {
      String key = Names.dataKey(f.getFileName().toString());
      byte[] bytes = read(f);
      String text = Utf8.decode(bytes);
      if (text != null) {
        data.put(key, text);
      } else {
        binary.put(key, java.util.Base64.getEncoder().encodeToString(bytes));
      }
      items.add(Obj.of("key", key, "path", f.getFileName().toString()));
    }
    storage.addObject(new Manifest(ConfigMaps.configMap(ctx, name, s, data, binary)));
    boolean file = Files.isRegularFile(source);
    String volume = "bind-" + path[path.length - 1];
    storage.add(
        Obj.of("name", volume, "configMap", Obj.of("name", name, "items", items)),
        Mounts.mount(volume, v.target(), true, file ? (String) items.get(0).get("path") : null));
    if (!v.readOnly()) {
      ctx.findings()
          .report("the bind becomes a read-only ConfigMap volume (writes to it fail)", path);
    }
  }

  /** The regular files a ConfigMap can hold, or null if the source cannot be one. */
  private static List<Path> files(Path source) {
    if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
      return fits(List.of(source)) ? List.of(source) : null;
    }
    if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    try (Stream<Path> entries = Files.list(source)) {
      List<Path> all = entries.sorted().toList();
      boolean flat = all.stream().allMatch(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS));
      return flat && !all.isEmpty() && all.size() <= MAX_FILES && fits(all) ? all : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean fits(List<Path> files) {
    long total = 0;
    for (Path f : files) {
      try {
        total += Files.size(f);
      } catch (IOException e) {
        return false;
      }
    }
    return total <= MAX_BYTES;
  }

  private static byte[] read(Path f) {
    try {
      return Files.readAllBytes(f);
    } catch (IOException e) {
      throw new dev.jcompose.model.api.ComposeFileException(
          "cannot read " + f + ": " + e.getMessage(), e);
    }
  }
}
