package dev.jcompose.builder.exec;

import dev.jcompose.builder.api.BuildException;
import dev.jcompose.builder.api.BuildException.Kind;
import dev.jcompose.builder.exec.LayerWriter.Owner;
import dev.jcompose.builder.plan.RunMount;
import dev.jcompose.builder.plan.Step;
import dev.jcompose.common.fs.FileLocks;
import dev.jcompose.runtime.api.ContainerSpec.MountSpec;
import dev.jcompose.runtime.image.content.KeyedLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Turns a RUN's {@code --mount}s into runtime mounts. bind: the selected files copied to a scratch
 * dir (so .dockerignore holds and writes of {@code rw} are discarded, as in BuildKit); cache: a
 * directory kept across builds under the cache root, by id, {@code sharing=locked} serialised by a
 * lock; tmpfs; secret: the secret's bytes in a file of the requested mode and owner, read-only; the
 * internal heredoc script file.
 */
final class RunMountSetup {
  private final ExecTools tools;
  private final CopyStepRunner copier;
  private final Map<String, byte[]> secrets;
  private final Path cacheRoot;
  private final KeyedLock cacheLocks;

  RunMountSetup(
      ExecTools tools, CopyStepRunner copier, Map<String, byte[]> secrets, Path cacheRoot) {
    this.tools = tools;
    this.copier = copier;
    this.secrets = secrets;
    this.cacheRoot = cacheRoot;
    this.cacheLocks = new KeyedLock(cacheRoot.resolve("locks"));
  }

  /** The mounts of one RUN and the locks held while it runs. */
  record Prepared(List<MountSpec> mounts, List<FileLocks.Held> leases) implements AutoCloseable {
    @Override
    public void close() {
      leases.forEach(FileLocks.Held::close);
    }
  }

  Prepared prepare(Step.Run step, Path scratch) throws IOException {
    List<MountSpec> out = new ArrayList<>();
    List<FileLocks.Held> leases = new ArrayList<>();
    int n = 0;
    try {
      for (RunMount m : step.mounts()) {
        Path here = scratch.resolve("mount-" + n++);
        switch (m.type()) {
          case BIND -> out.add(bind(m.target(), materialize(m, here), m.readOnly()));
          case CACHE -> out.add(bind(m.target(), cache(m, leases), m.readOnly()));
          case TMPFS ->
              out.add(
                  new MountSpec(
                      MountSpec.Type.TMPFS,
                      null,
                      m.target(),
                      false,
                      false,
                      m.sizeBytes() == null ? List.of() : List.of("size=" + m.sizeBytes())));
          case SECRET -> {
            byte[] value = secrets.get(m.id());
            if (value == null) {
              if (m.required()) {
                throw new BuildException(
                    Kind.INVALID,
                    step.location()
                        + ": secret \""
                        + m.id()
                        + "\" is required but the build has no such secret");
              }
              continue;
            }
            out.add(bind(m.target(), file(here, value, m.mode(), m.uid(), m.gid()), true));
          }
          case FILE ->
              out.add(
                  bind(
                      m.target(),
                      file(here, m.content().getBytes(StandardCharsets.UTF_8), m.mode(), 0L, 0L),
                      true));
          default -> throw new IllegalStateException(m.type().toString());
        }
      }
      return new Prepared(List.copyOf(out), leases);
    } catch (IOException | RuntimeException e) {
      leases.forEach(FileLocks.Held::close);
      throw e;
    }
  }

  private static MountSpec bind(String target, Path source, boolean readOnly) {
    return new MountSpec(MountSpec.Type.BIND, source, target, readOnly, false, List.of());
  }

  private Path materialize(RunMount m, Path here) throws IOException {
    List<SourceFile.Tree> trees = copier.select(from(m), m.source(), List.of(), null);
    Files.createDirectories(here);
    if (trees.size() == 1 && trees.get(0).top().type() != SourceFile.Type.DIR) {
      LayerWriter w = new LayerWriter(tools.ops(), here, List.of());
      copier.write(w, trees.get(0), "/" + trees.get(0).name(), false, Owner.ROOT, null, false);
      return here.resolve(trees.get(0).name());
    }
    LayerWriter w = new LayerWriter(tools.ops(), here, List.of());
    for (SourceFile.Tree t : trees) {
      copier.write(w, t, "/", true, Owner.ROOT, null, false);
    }
    return here;
  }

  private static Step.CopyFrom from(RunMount m) {
    if (m.from() == null) {
      return new Step.CopyFrom(Step.CopyFrom.Kind.CONTEXT, "", -1, null);
    }
    return new Step.CopyFrom(
        m.from().kind(), m.from().name(), m.from().stage(), m.from().imageId());
  }

  private Path cache(RunMount m, List<FileLocks.Held> leases) throws IOException {
    String hex = sha(m.id());
    if ("locked".equals(m.sharing())) {
      leases.add(cacheLocks.acquire(hex));
    }
    Path dir = cacheRoot.resolve(hex);
    if (!Files.isDirectory(dir)) {
      Path fresh =
          Files.createDirectories(cacheRoot.resolve("new-" + hex + "-" + System.nanoTime()));
      tools.ops().chmod(fresh, m.mode() == null ? 0755 : m.mode());
      if (tools.ops().canChown()) {
        tools.ops().lchown(fresh, m.uid() == null ? 0 : m.uid(), m.gid() == null ? 0 : m.gid());
      }
      if (m.from() != null) {
        LayerWriter w = new LayerWriter(tools.ops(), fresh, List.of());
        for (SourceFile.Tree t :
            copier.select(from(m), m.source() == null ? "/" : m.source(), List.of(), null)) {
          copier.write(w, t, "/", true, Owner.ROOT, null, false);
        }
      }
      try {
        Files.move(fresh, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.FileAlreadyExistsException
          | java.nio.file.DirectoryNotEmptyException e) {
        dev.jcompose.runtime.fs.Trees.deleteRecursively(fresh); // another build made it first
      }
    }
    return dir;
  }

  private static Path file(Path here, byte[] content, Integer mode, Long uid, Long gid)
      throws IOException {
    Files.write(here, content);
    Files.setPosixFilePermissions(
        here,
        java.nio.file.attribute.PosixFilePermissions.fromString(perm(mode == null ? 0400 : mode)));
    if (uid != null && gid != null) {
      Files.setAttribute(here, "unix:uid", uid.intValue());
      Files.setAttribute(here, "unix:gid", gid.intValue());
    }
    return here;
  }

  private static String perm(int mode) {
    String all = "rwxrwxrwx";
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 9; i++) {
      s.append((mode & (1 << (8 - i))) != 0 ? all.charAt(i) : '-');
    }
    return s.toString();
  }

  private static String sha(String id) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
