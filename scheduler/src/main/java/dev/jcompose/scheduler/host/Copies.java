package dev.jcompose.scheduler.host;

import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.FileTree;
import dev.jcompose.scheduler.api.CallSettings;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.CopyOptions;
import dev.jcompose.scheduler.names.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code cp}: docker cp's rules between a service's container and the host (or a tar stream on
 * stdio). A source directory lands inside an existing destination directory, or becomes the
 * destination when that does not exist yet; {@code SRC/.} copies a directory's content; a file
 * replaces a file. Both sides are {@link FileTree}s, so in the container nothing is reached through
 * a symlink that leads out of its root.
 */
final class Copies {
  private final ContainerRuntime runtime;
  private final CallSettings settings;

  Copies(ContainerRuntime runtime, CallSettings settings) {
    this.runtime = runtime;
    this.settings = settings;
  }

  /**
   * {container, path} of a {@code SERVICE:PATH} argument; container null for a host path (docker
   * compose's splitCpArg).
   */
  static String[] split(String arg) {
    int colon = arg.indexOf(':');
    if (arg.startsWith("/") || colon < 0 || arg.startsWith(".")) {
      return new String[] {null, arg};
    }
    return new String[] {arg.substring(0, colon), arg.substring(colon + 1)};
  }

  void copy(String project, CopyOptions o, InputStream in, OutputStream out) {
    String[] src = split(o.source());
    String[] dst = split(o.destination());
    if (src[0] != null && dst[0] != null) {
      throw invalid("copying between services is not supported");
    }
    if (src[0] == null && dst[0] == null) {
      throw invalid("unknown copy direction: one side must be SERVICE:PATH");
    }
    if (src[0] != null) {
      ContainerState c = containers(project, src[0], o).get(0);
      try (FileTree from = runtime.files(c.id())) {
        copyOut(from, c.id(), src[1], dst[1], o, out);
      }
    } else {
      for (ContainerState c : containers(project, dst[0], o)) {
        try (FileTree to = runtime.files(c.id())) {
          copyIn(src[1], to, c.id(), dst[1], o, in);
        }
      }
    }
  }

  private void copyOut(
      FileTree from,
      String container,
      String srcPath,
      String dst,
      CopyOptions o,
      OutputStream out) {
    Optional<FileTree.Entry> src = from.stat(srcPath);
    if (src.isEmpty()) {
      throw new ComposeException(
          ComposeException.Kind.NOT_FOUND,
          "Could not find the file " + srcPath + " in container " + container);
    }
    if (dst.equals("-")) {
      from.archive(srcPath, contentOnly(srcPath) ? "" : base(srcPath), o.followLink(), false, out);
      return;
    }
    try (FileTree host = runtime.hostFiles()) {
      Target t = target(host, absolute(dst), src.get(), srcPath);
      if (!settings.dryRun()) {
        pipe(
            tar -> from.archive(srcPath, t.name(), o.followLink(), false, tar),
            tar -> host.extract(t.dir(), tar, o.archive() ? null : callerOwner()));
      }
    }
  }

  private void copyIn(
      String srcPath, FileTree to, String container, String dst, CopyOptions o, InputStream in) {
    FileTree.Owner owner = o.archive() ? null : new FileTree.Owner(0, 0);
    if (srcPath.equals("-")) {
      if (to.stat(dst).filter(FileTree.Entry::directory).isEmpty()) {
        throw new ComposeException(
            ComposeException.Kind.NOT_FOUND,
            "destination \"" + dst + "\" must be a directory in container " + container);
      }
      if (!settings.dryRun()) {
        to.extract(dst, in, o.archive() ? null : owner);
      }
      return;
    }
    try (FileTree host = runtime.hostFiles()) {
      String abs = absolute(srcPath);
      Optional<FileTree.Entry> src = host.stat(abs);
      if (src.isEmpty()) {
        throw new ComposeException(
            ComposeException.Kind.NOT_FOUND, "stat " + srcPath + ": no such file or directory");
      }
      Target t = target(to, dst, src.get(), abs);
      if (!settings.dryRun()) {
        pipe(
            tar -> host.archive(abs, t.name(), o.followLink(), false, tar),
            tar -> to.extract(t.dir(), tar, owner));
      }
    }
  }

  /** Where a copy lands: the directory to extract into and the name the source takes there. */
  private record Target(String dir, String name) {}

  private static Target target(FileTree tree, String dst, FileTree.Entry src, String srcPath) {
    Optional<FileTree.Entry> existing = tree.stat(dst);
    if (existing.isPresent() && existing.get().directory()) {
      return new Target(dst, contentOnly(srcPath) ? "" : base(srcPath));
    }
    if (existing.isEmpty() && dst.endsWith("/") && !src.directory()) {
      throw invalid("destination directory " + dst + " does not exist");
    }
    if (existing.isPresent() && src.directory()) {
      throw invalid("cannot copy a directory to a file: " + dst);
    }
    String parent = parent(dst);
    if (tree.stat(parent).filter(FileTree.Entry::directory).isEmpty()) {
      throw new ComposeException(
          ComposeException.Kind.NOT_FOUND, "the parent directory of " + dst + " does not exist");
    }
    return new Target(parent, base(dst));
  }

  /** Runs a tar writer and a tar reader connected by a pipe; the first failure is rethrown. */
  private static void pipe(TarWriter writer, TarReader reader) {
    AtomicReference<RuntimeException> failed = new AtomicReference<>();
    try (PipedInputStream in = new PipedInputStream(1 << 16)) {
      PipedOutputStream out = new PipedOutputStream(in);
      Thread t =
          new Thread(
              () -> {
                try (out) {
                  writer.write(out);
                } catch (IOException | RuntimeException e) {
                  failed.compareAndSet(
                      null,
                      e instanceof RuntimeException re
                          ? re
                          : new UncheckedIOException((IOException) e));
                }
              },
              "cp-archive");
      t.setDaemon(true);
      t.start();
      try {
        reader.read(in);
        in.transferTo(OutputStream.nullOutputStream());
      } catch (RuntimeException e) {
        failed.compareAndSet(null, e);
      }
      t.join();
    } catch (IOException e) {
      failed.compareAndSet(null, new UncheckedIOException(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failed.get() != null) {
      throw failed.get();
    }
  }

  private interface TarWriter {
    void write(OutputStream tar) throws IOException;
  }

  private interface TarReader {
    void read(InputStream tar);
  }

  /**
   * The containers to copy with: {@code --index}'s, else (copying in) every replica, one-offs with
   * {@code --all}.
   */
  private List<ContainerState> containers(String project, String service, CopyOptions o) {
    List<ContainerState> all =
        runtime.list().stream()
            .map(runtime::state)
            .flatMap(Optional::stream)
            .filter(
                s ->
                    project.equals(ProjectContainers.label(s, Labels.PROJECT))
                        && service.equals(ProjectContainers.label(s, Labels.SERVICE)))
            .filter(s -> o.all() || !"True".equals(ProjectContainers.label(s, Labels.ONEOFF)))
            .filter(s -> s.status() == ContainerState.Status.RUNNING)
            .sorted(Comparator.comparing(ContainerState::id))
            .toList();
    List<ContainerState> chosen =
        o.index() > 0
            ? all.stream().filter(s -> ProjectContainers.isNumber(s, o.index())).toList()
            : all;
    if (chosen.isEmpty()) {
      throw new ComposeException(
          ComposeException.Kind.NOT_FOUND,
          "service \""
              + service
              + "\" has no running container"
              + (o.index() > 0 ? " #" + o.index() : ""));
    }
    return chosen;
  }

  /**
   * A host path made absolute against the caller's working directory, its trailing "/" or "/."
   * kept.
   */
  static String absolute(String path) {
    String abs = Path.of(path).toAbsolutePath().normalize().toString();
    if (contentOnly(path)) {
      return abs + "/.";
    }
    return path.endsWith("/") && !abs.endsWith("/") ? abs + "/" : abs;
  }

  private static boolean contentOnly(String path) {
    return path.endsWith("/.");
  }

  static String base(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    int slash = p.lastIndexOf('/');
    return slash < 0 ? p : p.substring(slash + 1);
  }

  static String parent(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    int slash = p.lastIndexOf('/');
    return slash < 0 ? "." : slash == 0 ? "/" : p.substring(0, slash);
  }

  /** docker cp: files copied to the host belong to whoever runs the copy. */
  private static FileTree.Owner callerOwner() {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
        if (line.startsWith("Uid:")) {
          long uid = Long.parseLong(line.substring(4).trim().split("\\s+", -1)[1]);
          return new FileTree.Owner(uid, gid());
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through
    }
    return new FileTree.Owner(0, 0);
  }

  private static long gid() throws IOException {
    for (String line :
        Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
      if (line.startsWith("Gid:")) {
        return Long.parseLong(line.substring(4).trim().split("\\s+", -1)[1]);
      }
    }
    return 0;
  }

  private static ComposeException invalid(String message) {
    return new ComposeException(ComposeException.Kind.INVALID, message);
  }
}
