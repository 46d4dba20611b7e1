package dev.jcompose.builder.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.builder.api.BuildException;
import dev.jcompose.builder.ignore.IgnoreFile;
import dev.jcompose.builder.ignore.PatternMatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildContextTest {
  @TempDir Path tmp;
  private Path ctx;

  @BeforeEach
  void layout() throws IOException {
    ctx = Files.createDirectories(tmp.resolve("ctx"));
    write("src/main.c", "int main;");
    write("src/util.c", "util");
    write("src/notes.md", "notes");
    write("docs/a.md", "a");
    write("docs/keep.md", "keep");
    write("secret.env", "TOKEN=1");
    Files.writeString(tmp.resolve("host-secret"), "root:x:0:0");
    Files.createSymbolicLink(ctx.resolve("src/link.c"), Path.of("main.c"));
    Files.createSymbolicLink(ctx.resolve("docs-link"), Path.of("docs"));
    Files.createSymbolicLink(ctx.resolve("escape"), Path.of("../host-secret"));
    Files.createSymbolicLink(ctx.resolve("escape-abs"), tmp.resolve("host-secret"));
    Files.createSymbolicLink(ctx.resolve("deep"), Path.of("src/../../ctx/../host-secret"));
  }

  private void write(String rel, String content) throws IOException {
    Path p = ctx.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private BuildContext open(String dockerignore) {
    return BuildContext.open(
        ctx, PatternMatcher.of(IgnoreFile.patterns(dockerignore)), "build context");
  }

  private static List<String> rels(List<BuildContext.Source> sources) {
    return sources.stream()
        .flatMap(s -> s.entries().stream().map(e -> s.name() + "|" + e.rel() + "|" + e.kind()))
        .toList();
  }

  @Test
  void select_directoryWalksItSortedWithLinksKeptAsLinks() {
    assertThat(rels(open("").select("src", PatternMatcher.none())))
        .containsExactly(
            "src||DIR",
            "src|link.c|SYMLINK",
            "src|main.c|FILE",
            "src|notes.md|FILE",
            "src|util.c|FILE");
  }

  @Test
  void select_globsMatchPerComponent() {
    assertThat(rels(open("").select("src/*.c", PatternMatcher.none())))
        .containsExactly("link.c||FILE", "main.c||FILE", "util.c||FILE");
    assertThat(open("").select("*.nothing", PatternMatcher.none())).isEmpty();
  }

  @Test
  void select_followsTheSourceSymlinkInsideTheContext() {
    BuildContext.Source s = open("").select("docs-link", PatternMatcher.none()).get(0);
    assertThat(s.name()).isEqualTo("docs-link");
    assertThat(s.top().host()).isEqualTo(ctx.resolve("docs").toAbsolutePath());
  }

  @Test
  void select_dockerignoreHidesFilesAndExceptionsBringThemBack() {
    BuildContext c = open("docs\n!docs/keep.md\n*.env\n");
    assertThat(rels(c.select(".", PatternMatcher.none())))
        .contains("|docs|DIR", "|docs/keep.md|FILE")
        .doesNotContain("|docs/a.md|FILE", "|secret.env|FILE");
    assertThatThrownBy(() -> c.select("secret.env", PatternMatcher.none()))
        .isInstanceOf(BuildException.class)
        .hasMessage("\"secret.env\" not found in the build context");
    assertThat(rels(c.select("docs/keep.md", PatternMatcher.none())))
        .containsExactly("keep.md||FILE");
  }

  @Test
  void select_excludesApplyBelowTheSource() {
    assertThat(rels(open("").select("src", PatternMatcher.of(List.of("*.md", "link.c")))))
        .containsExactly("src||DIR", "src|main.c|FILE", "src|util.c|FILE");
  }

  @Test
  void select_refusesEveryWayOut() {
    BuildContext c = open("");
    assertThatThrownBy(() -> c.select("../host-secret", PatternMatcher.none()))
        .hasMessageContaining(
            "refusing source \"../host-secret\": it is outside the build context");
    assertThatThrownBy(() -> c.select("escape", PatternMatcher.none()))
        .hasMessageContaining("symlink escape points outside the build context");
    assertThatThrownBy(() -> c.select("escape-abs", PatternMatcher.none()))
        .hasMessageContaining("symlink escape-abs points outside the build context");
    assertThatThrownBy(() -> c.select("deep", PatternMatcher.none()))
        .hasMessageContaining("symlink deep points outside the build context");
    assertThatThrownBy(() -> c.select("e*", PatternMatcher.none()))
        .hasMessageContaining("outside the build context");
  }

  @Test
  void select_anIgnoreExceptionCannotReachOutside() {
    BuildContext c = open("*\n!../host-secret\n!escape\n");
    assertThatThrownBy(() -> c.select("escape", PatternMatcher.none()))
        .hasMessageContaining("outside the build context");
    assertThatThrownBy(() -> c.select("../host-secret", PatternMatcher.none()))
        .hasMessageContaining("outside the build context");
  }

  @Test
  void select_linksInsideCopiedDirectoriesAreNotFollowed() throws IOException {
    Files.createSymbolicLink(ctx.resolve("src/out"), Path.of("/etc"));
    assertThat(rels(open("").select("src", PatternMatcher.none()))).contains("src|out|SYMLINK");
  }

  @Test
  void digest_ignoresTimesButNotContent() throws IOException {
    ContextHasher h = new ContextHasher();
    BuildContext c = open("");
    String before = h.digest(c.select("src", PatternMatcher.none()));
    Files.setLastModifiedTime(ctx.resolve("src/util.c"), FileTime.fromMillis(1000));
    assertThat(h.digest(c.select("src", PatternMatcher.none()))).isEqualTo(before);
    Files.writeString(ctx.resolve("src/util.c"), "changed");
    assertThat(h.digest(c.select("src", PatternMatcher.none()))).isNotEqualTo(before);
    assertThat(h.digest(c.select("docs", PatternMatcher.none())))
        .isEqualTo(h.digest(open("").select("docs", PatternMatcher.none())));
  }
}
