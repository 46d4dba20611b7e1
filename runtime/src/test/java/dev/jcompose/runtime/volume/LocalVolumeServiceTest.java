package dev.jcompose.runtime.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.api.VolumeService.VolumeInfo;
import dev.jcompose.runtime.sys.RecordingNativeOps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalVolumeServiceTest {
  @TempDir Path tmp;

  private LocalVolumeService service() {
    return new LocalVolumeService(
        new RuntimePaths(tmp.resolve("data"), tmp.resolve("run")),
        new RecordingNativeOps(false),
        Xattrs.none());
  }

  @Test
  void ensure_firstTimeCreates_secondTimeFindsWithStoredLabels() {
    LocalVolumeService volumes = service();
    VolumeInfo first = volumes.ensure("proj_db", Map.of("com.docker.compose.project", "proj"));
    VolumeInfo second = volumes.ensure("proj_db", Map.of("other", "x"));
    assertThat(first.created()).isTrue();
    assertThat(second.created()).isFalse();
    assertThat(second.labels()).containsExactly(Map.entry("com.docker.compose.project", "proj"));
    assertThat(first.dataDir()).isEqualTo(tmp.resolve("data/volumes/proj_db/_data")).isDirectory();
    assertThat(tmp.resolve("data/volumes/proj_db/meta.json"))
        .content()
        .contains("\"CreatedAt\"", "\"Driver\": \"local\"");
  }

  @Test
  void ensure_concurrentCalls_exactlyOneCreates() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<VolumeInfo>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        LocalVolumeService own = service();
        results.add(pool.submit((Callable<VolumeInfo>) () -> own.ensure("shared", Map.of())));
      }
      int created = 0;
      for (Future<VolumeInfo> f : results) {
        created += f.get(30, TimeUnit.SECONDS).created() ? 1 : 0;
      }
      assertThat(created).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void list_isSortedAndSkipsIncompleteDirs() throws Exception {
    LocalVolumeService volumes = service();
    volumes.ensure("b_vol", Map.of());
    volumes.ensure("a_vol", Map.of());
    Files.createDirectories(tmp.resolve("data/volumes/half/_data"));
    Files.createDirectories(tmp.resolve("data/volumes/x"));
    assertThat(volumes.list()).extracting(VolumeInfo::name).containsExactly("a_vol", "b_vol");
  }

  @Test
  void list_withoutAnyVolume_isEmpty() {
    assertThat(service().list()).isEmpty();
  }

  @Test
  void remove_deletesDataWithoutFollowingSymlinks() throws Exception {
    LocalVolumeService volumes = service();
    VolumeInfo v = volumes.ensure("gone", Map.of());
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("keep"), "x");
    Files.createSymbolicLink(v.dataDir().resolve("link"), outside);
    Files.writeString(v.dataDir().resolve("file"), "y");
    volumes.remove("gone");
    assertThat(volumes.find("gone")).isEmpty();
    assertThat(tmp.resolve("data/volumes"))
        .isDirectoryNotContaining(p -> !p.getFileName().toString().equals(".lock"));
    assertThat(outside.resolve("keep")).exists();
  }

  @Test
  void remove_missing_isNotFound() {
    assertThatThrownBy(() -> service().remove("nope"))
        .isInstanceOfSatisfying(
            ContainerException.class,
            e -> assertThat(e.kind()).isEqualTo(ContainerException.Kind.NOT_FOUND))
        .hasMessageContaining("nope");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "../etc", "a/b", "_x", "a..b", "sp ace", ""})
  void ensure_invalidName_isInvalid(String name) {
    assertThatThrownBy(() -> service().ensure(name, Map.of()))
        .isInstanceOfSatisfying(
            ContainerException.class,
            e -> assertThat(e.kind()).isEqualTo(ContainerException.Kind.INVALID));
  }
}
