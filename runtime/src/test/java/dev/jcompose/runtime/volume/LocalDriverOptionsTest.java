package dev.jcompose.runtime.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.runtime.api.ContainerException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docker's local driver options: dockerd's checks and moby/sys/mount's split of {@code o}. */
class LocalDriverOptionsTest {

  @Test
  void none_isAPlainDirectory() {
    assertThat(LocalDriverOptions.parse("v", Map.of())).isNull();
  }

  @Test
  void tmpfs_sizeAndModeAreFilesystemData_flagsAreFlags() {
    LocalDriverOptions o =
        LocalDriverOptions.parse(
            "v",
            Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=64m,uid=1000,nosuid,noexec"));

    assertThat(o.mount().data()).isEqualTo("size=64m,uid=1000");
    assertThat(o.mount().flags())
        .isEqualTo(LocalDriverOptions.MS_NOSUID | LocalDriverOptions.MS_NOEXEC);
  }

  @Test
  void bind_ofAHostPath_readOnlyAndRecursive() {
    LocalDriverOptions o =
        LocalDriverOptions.parse(
            "v", Map.of("type", "none", "device", "/srv/data", "o", "rbind,ro"));

    assertThat(o.mount().flags())
        .isEqualTo(
            LocalDriverOptions.MS_BIND | LocalDriverOptions.MS_REC | LocalDriverOptions.MS_RDONLY);
    assertThat(o.mount().data()).isEmpty();
    assertThat(o.asMap()).containsEntry("device", "/srv/data").containsEntry("o", "rbind,ro");
  }

  @Test
  void clearingFlags_lastWordWins() {
    assertThat(
            LocalDriverOptions.parse("v", Map.of("type", "tmpfs", "device", "tmpfs", "o", "ro,rw"))
                .mount()
                .flags())
        .isZero();
  }

  @Test
  void dockerdsChecks_withItsMessages() {
    assertThatThrownBy(
            () ->
                LocalDriverOptions.parse(
                    "v", Map.of("type", "tmpfs", "device", "tmpfs", "mode", "1777")))
        .isInstanceOf(ContainerException.class)
        .hasMessage("volume v: invalid option: \"mode\"");
    assertThatThrownBy(() -> LocalDriverOptions.parse("v", Map.of("type", "tmpfs")))
        .hasMessage("volume v: missing required option: \"device\"");
    assertThatThrownBy(() -> LocalDriverOptions.parse("v", Map.of("o", "bind", "device", "/x")))
        .hasMessage("volume v: missing required option: \"type\"");
    assertThatThrownBy(
            () ->
                LocalDriverOptions.parse(
                    "v", Map.of("type", "ext4", "device", "/dev/sdz", "size", "1g")))
        .hasMessage("volume v: quota size requested but no quota support");
    assertThatThrownBy(
            () ->
                LocalDriverOptions.parse(
                    "v", Map.of("type", "nfs", "device", ":/export", "o", "addr=nas.lan,rw")))
        .hasMessageContaining("does not resolve host names");
  }
}
