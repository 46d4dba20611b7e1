package dev.jcompose.builder.exec;

import dev.jcompose.builder.api.BuildException;
import dev.jcompose.builder.api.BuildException.Kind;
import dev.jcompose.builder.context.BuildContext;
import dev.jcompose.builder.context.ContextEntry;
import dev.jcompose.builder.context.UrlSources;
import dev.jcompose.builder.exec.LayerWriter.Owner;
import dev.jcompose.builder.ignore.PatternMatcher;
import dev.jcompose.builder.plan.Step;
import dev.jcompose.runtime.container.UserResolver;
import dev.jcompose.runtime.fs.LayerView;
import dev.jcompose.runtime.image.unpack.LayerUnpacker;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Executes COPY and ADD into a new layer directory, without a container: sources from a build
 * context, an earlier stage or an image, or downloads; docker's destination rules (a trailing "/",
 * an existing directory or several sources mean "into"; a directory source copies its contents);
 * owner 0:0 unless {@code --chown}, modes kept unless {@code --chmod}, times kept; ADD extracts
 * local tar archives. {@code --link} writes the layer without looking at the layers below.
 */
final class CopyStepRunner {
  private final NativeOps ops;
  private final Map<String, BuildContext> contexts;
  private final UrlSources urls;
  private final Function<Step.CopyFrom, List<Path>> fromLayers;

  /**
   * @param fromLayers the layer dirs (bottom first) of the stage or image a COPY --from reads
   */
  CopyStepRunner(
      NativeOps ops,
      Map<String, BuildContext> contexts,
      UrlSources urls,
      Function<Step.CopyFrom, List<Path>> fromLayers) {
    this.ops = ops;
    this.contexts = contexts;
    this.urls = urls;
    this.fromLayers = fromLayers;
  }

  /** Fills {@code layer} (an empty dir) with what {@code step} copies on top of {@code below}. */
  void run(Step.Copy step, Path layer, List<Path> below) throws IOException {
    LayerWriter w = new LayerWriter(ops, layer, step.link() ? List.of() : below);
    Owner owner = step.chown() == null ? Owner.ROOT : owner(step.chown(), below);
    Integer chmod = step.chmod() == null ? null : Integer.parseInt(step.chmod(), 8);
    List<SourceFile.Tree> trees = new ArrayList<>();
    for (String source : step.sources()) {
      trees.addAll(select(step.from(), source, step.excludes(), step.checksum()));
    }
    List<Path> temps = new ArrayList<>();
    try {
      for (Step.InlineFile f : step.inline()) {
        Path tmp = Files.createTempFile(layer.getParent(), "inline-", ".tmp");
        temps.add(tmp);
        Files.writeString(tmp, f.content(), StandardCharsets.UTF_8);
        trees.add(
            new SourceFile.Tree(
                f.name(),
                List.of(
                    new SourceFile(
                        "", SourceFile.Type.FILE, 0644, FileTime.from(Instant.now()), null, tmp)),
                false));
      }
      String dest = w.canonical(step.dest());
      boolean intoDir = step.dest().endsWith("/") || trees.size() > 1 || w.isDir(dest);
      for (SourceFile.Tree t : trees) {
        write(w, t, dest, intoDir, owner, chmod, step.add());
      }
    } finally {
      for (Path t : temps) {
        Files.deleteIfExists(t);
      }
    }
  }

  /**
   * What {@code source} selects in {@code from} (a URL: the download), {@code excludes} applied
   * below each.
   */
  List<SourceFile.Tree> select(
      Step.CopyFrom from, String source, List<String> excludePatterns, String checksum) {
    PatternMatcher excludes = PatternMatcher.of(excludePatterns);
    if (source.startsWith("http://") || source.startsWith("https://")) {
      UrlSources.Download d = urls.fetch(source, checksum);
      FileTime t =
          FileTime.fromMillis(d.mtimeMillis() == 0 ? System.currentTimeMillis() : d.mtimeMillis());
      // docker gives remote files mode 0600
      return List.of(
          new SourceFile.Tree(
              d.name(),
              List.of(new SourceFile("", SourceFile.Type.FILE, 0600, t, null, d.file())),
              false));
    }
    if (from.kind() == Step.CopyFrom.Kind.CONTEXT) {
      BuildContext c = contexts.get(from.name());
      return c.select(source, excludes).stream().map(CopyStepRunner::tree).toList();
    }
    LayerView view = new LayerView(fromLayers.apply(from), LayerWriter.opaque(ops));
    return new ImageSources(view, from.toString()).select(source, excludes);
  }

  private static SourceFile.Tree tree(BuildContext.Source s) {
    List<SourceFile> files = new ArrayList<>();
    for (ContextEntry e : s.entries()) {
      SourceFile.Type type = SourceFile.Type.valueOf(e.kind().name());
      files.add(
          new SourceFile(
              e.rel(),
              type,
              e.mode(),
              FileTime.from(e.mtimeNanos(), java.util.concurrent.TimeUnit.NANOSECONDS),
              e.linkTarget(),
              type == SourceFile.Type.FILE ? e.host() : null));
    }
    return new SourceFile.Tree(s.name(), files, true);
  }

  /**
   * Writes one selected source at canonical {@code dest}: a directory's contents into it, a file
   * into it ({@code intoDir}) or as it; {@code add} extracts a local tar instead.
   */
  void write(
      LayerWriter w,
      SourceFile.Tree t,
      String dest,
      boolean intoDir,
      Owner owner,
      Integer chmod,
      boolean add)
      throws IOException {
    SourceFile top = t.top();
    if (add && t.local() && top.type() == SourceFile.Type.FILE && Archives.isTar(top.content())) {
      extract(w, top.content(), dest, owner);
      return;
    }
    if (top.type() == SourceFile.Type.DIR) {
      Path base = w.mkdirs(dest, 0755, owner);
      copyTree(w, base, t.files().subList(1, t.files().size()), owner, chmod);
      return;
    }
    String target = intoDir ? w.canonical(dest + "/" + t.name()) : dest;
    Path host = w.prepare(target, owner);
    writeOne(w, host, top, owner, chmod);
  }

  private void copyTree(
      LayerWriter w, Path base, List<SourceFile> files, Owner owner, Integer chmod)
      throws IOException {
    Deque<Map.Entry<Path, FileTime>> dirs = new ArrayDeque<>();
    for (SourceFile f : files) {
      Path host = base.resolve(f.rel());
      if (f.type() == SourceFile.Type.DIR) {
        w.writeDir(host, chmod != null ? chmod : f.mode(), owner.uid(), owner.gid(), f.mtime());
        dirs.push(Map.entry(host, f.mtime()));
        continue;
      }
      if (LayerWriter.lstat(host) != null) {
        dev.jcompose.runtime.fs.Trees.deleteRecursively(host);
      }
      writeOne(w, host, f, owner, chmod);
    }
    List<Map.Entry<Path, FileTime>> deepestFirst = new ArrayList<>(dirs);
    for (Map.Entry<Path, FileTime> d : deepestFirst) {
      w.times(d.getKey(), d.getValue()); // writing children moved the directory times
    }
  }

  private void writeOne(LayerWriter w, Path host, SourceFile f, Owner owner, Integer chmod)
      throws IOException {
    int mode = chmod != null ? chmod : f.mode();
    switch (f.type()) {
      case FILE -> {
        try (InputStream in = Files.newInputStream(f.content(), LinkOption.NOFOLLOW_LINKS)) {
          w.writeFile(host, in, mode, owner.uid(), owner.gid(), f.mtime());
        }
      }
      case SYMLINK -> w.writeSymlink(host, f.linkTarget(), owner.uid(), owner.gid(), f.mtime());
      case FIFO -> w.writeFifo(host, mode, owner.uid(), owner.gid(), f.mtime());
      default -> w.writeDir(host, mode, owner.uid(), owner.gid(), f.mtime());
    }
  }

  // ADD of a local tar: extracted into the destination directory, entries checked as layer
  // entries are (no "..", no absolute names, no writing through symlinks, no device nodes).
  private void extract(LayerWriter w, Path archive, String dest, Owner owner) throws IOException {
    Path base = w.mkdirs(dest, 0755, owner);
    try (InputStream in = Archives.open(Files.newInputStream(archive))) {
      new LayerUnpacker(ops, false, base).unpack(in);
    }
  }

  /**
   * --chown=user[:group] against the stage's own /etc/passwd and /etc/group; a lone uid is also the
   * gid (docker).
   */
  private static Owner owner(String chown, List<Path> below) {
    List<Path> topFirst = new ArrayList<>(below);
    Collections.reverse(topFirst);
    try {
      UserResolver.ResolvedUser u = new UserResolver(topFirst).resolve(chown, List.of());
      boolean groupGiven = chown.contains(":");
      boolean numericUser = chown.split(":", 2)[0].matches("\\d+");
      return new Owner(u.uid(), groupGiven || !numericUser ? u.gid() : u.uid());
    } catch (RuntimeException e) {
      throw new BuildException(Kind.INVALID, "--chown=" + chown + ": " + e.getMessage(), e);
    }
  }
}
