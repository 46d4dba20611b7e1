package dev.jcompose.builder.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.builder.context.BuildContext;
import dev.jcompose.builder.context.UrlSources;
import dev.jcompose.builder.dockerfile.Instruction.Location;
import dev.jcompose.builder.ignore.PatternMatcher;
import dev.jcompose.builder.plan.Step;
import dev.jcompose.builder.plan.Step.CopyFrom;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COPY/ADD semantics on plain directories (no root needed: ownership is only applied as root). */
class CopyStepRunnerTest {
  private static final Location HERE = new Location("Dockerfile", 1, 1, "COPY");
  @TempDir Path tmp;
  private Path ctx;
  private Path base;
  private Path stage;
  private CopyStepRunner runner;

  @BeforeEach
  void setUp() throws IOException {
    ctx = Files.createDirectories(tmp.resolve("ctx"));
    Files.createDirectories(ctx.resolve("src/sub"));
    Files.writeString(ctx.resolve("src/a.py"), "a");
    Files.writeString(ctx.resolve("src/b.py"), "b");
    Files.writeString(ctx.resolve("src/sub/c.txt"), "c");
    Files.setPosixFilePermissions(
        ctx.resolve("src/a.py"), PosixFilePermissions.fromString("rwxr-x---"));
    base = Files.createDirectories(tmp.resolve("base"));
    Files.createDirectories(base.resolve("usr/bin"));
    Files.createSymbolicLink(base.resolve("bin"), Path.of("usr/bin"));
    Files.createDirectories(base.resolve("app"));
    Files.setPosixFilePermissions(
        base.resolve("app"), PosixFilePermissions.fromString("rwx------"));
    stage = Files.createDirectories(tmp.resolve("stage"));
    Files.createDirectories(stage.resolve("out"));
    Files.writeString(stage.resolve("out/bin"), "binary");
    BuildContext c = BuildContext.open(ctx, PatternMatcher.none(), "build context");
    runner =
        new CopyStepRunner(
            NativeOps.real(),
            Map.of("", c),
            new UrlSources(tmp.resolve("dl")),
            from -> List.of(stage));
  }

  private Path copy(
      List<String> sources,
      String dest,
      String chmod,
      boolean link,
      List<String> excludes,
      boolean add,
      CopyFrom from,
      List<Step.InlineFile> inline)
      throws IOException {
    Path layer = Files.createDirectories(tmp.resolve("layer-" + System.nanoTime()));
    runner.run(
        new Step.Copy(
            2, "k", HERE, "COPY", from, sources, inline, dest, null, chmod, link, excludes, add,
            null),
        layer,
        List.of(base));
    return layer;
  }

  private Path copy(List<String> sources, String dest) throws IOException {
    return copy(sources, dest, null, false, List.of(), false, CopyFrom.context(""), List.of());
  }

  private static List<String> tree(Path layer) throws IOException {
    try (Stream<Path> s = Files.walk(layer)) {
      return s.filter(p -> !p.equals(layer))
          .map(
              p ->
                  layer.relativize(p)
                      + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : ""))
          .sorted()
          .toList();
    }
  }

  @Test
  void copyDirectory_copiesItsContentsIntoTheDestination() throws IOException {
    assertThat(tree(copy(List.of("src"), "/opt/app/")))
        .containsExactly(
            "opt/",
            "opt/app/",
            "opt/app/a.py",
            "opt/app/b.py",
            "opt/app/sub/",
            "opt/app/sub/c.txt");
  }

  @Test
  void copyFile_toAPathWithoutSlash_namesTheFile() throws IOException {
    Path l = copy(List.of("src/a.py"), "/opt/main.py");
    assertThat(tree(l)).containsExactly("opt/", "opt/main.py");
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(l.resolve("opt/main.py"))))
        .isEqualTo("rwxr-x---");
  }

  @Test
  void copyIntoAnExistingDirectory_keepsItsMetadataFromBelow() throws IOException {
    Path l = copy(List.of("src/b.py"), "/app");
    assertThat(tree(l)).containsExactly("app/", "app/b.py");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(l.resolve("app"))))
        .isEqualTo("rwx------");
  }

  @Test
  void destination_followsTheImagesSymlinks() throws IOException {
    assertThat(tree(copy(List.of("src/b.py"), "/bin/")))
        .containsExactly("usr/", "usr/bin/", "usr/bin/b.py");
  }

  @Test
  void link_ignoresTheLayersBelow() throws IOException {
    assertThat(
            tree(
                copy(
                    List.of("src/b.py"),
                    "/bin/",
                    null,
                    true,
                    List.of(),
                    false,
                    CopyFrom.context(""),
                    List.of())))
        .containsExactly("bin/", "bin/b.py");
  }

  @Test
  void globsChmodAndExcludes() throws IOException {
    Path l =
        copy(
            List.of("src/*.py"),
            "/x/",
            "0644",
            false,
            List.of(),
            false,
            CopyFrom.context(""),
            List.of());
    assertThat(tree(l)).containsExactly("x/", "x/a.py", "x/b.py");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(l.resolve("x/a.py"))))
        .isEqualTo("rw-r--r--");
    assertThat(
            tree(
                copy(
                    List.of("src"),
                    "/y/",
                    null,
                    false,
                    List.of("*.py"),
                    false,
                    CopyFrom.context(""),
                    List.of())))
        .containsExactly("y/", "y/sub/", "y/sub/c.txt");
  }

  @Test
  void fromAnotherStage_readsItsFilesystem() throws IOException {
    assertThat(
            tree(
                copy(
                    List.of("/out/bin"),
                    "/usr/local/bin/tool",
                    null,
                    false,
                    List.of(),
                    false,
                    new CopyFrom(CopyFrom.Kind.STAGE, "build", 0, null),
                    List.of())))
        .containsExactly("usr/", "usr/local/", "usr/local/bin/", "usr/local/bin/tool");
  }

  @Test
  void heredoc_becomesAFile() throws IOException {
    Path l =
        copy(
            List.of(),
            "/etc/",
            null,
            false,
            List.of(),
            false,
            CopyFrom.context(""),
            List.of(new Step.InlineFile("motd", "hi\n")));
    assertThat(l.resolve("etc/motd")).hasContent("hi");
  }

  @Test
  void add_extractsALocalTarball_butCopyDoesNot() throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(ctx.resolve("pkg.tar.gz")));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      TarArchiveEntry e = new TarArchiveEntry("lib/x.so");
      e.setSize(3);
      tar.putArchiveEntry(e);
      tar.write("elf".getBytes());
      tar.closeArchiveEntry();
    }
    assertThat(
            tree(
                copy(
                    List.of("pkg.tar.gz"),
                    "/opt/",
                    null,
                    false,
                    List.of(),
                    true,
                    CopyFrom.context(""),
                    List.of())))
        .containsExactly("opt/", "opt/lib/", "opt/lib/x.so");
    assertThat(tree(copy(List.of("pkg.tar.gz"), "/opt/")))
        .containsExactly("opt/", "opt/pkg.tar.gz");
  }

  @Test
  void missingSource_isNotFound() {
    assertThatThrownBy(() -> copy(List.of("nope.txt"), "/x"))
        .hasMessageContaining("\"nope.txt\" not found in the build context");
  }
}
