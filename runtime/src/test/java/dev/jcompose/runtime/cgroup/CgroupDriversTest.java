package dev.jcompose.runtime.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.runtime.api.ContainerException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupDriversTest {
  @TempDir Path tmp;

  @Test
  void detect_unifiedPlusStrayV1NetCls_staysV2() {
    FakeCgroupTree tree = FakeCgroupTree.unified(tmp);
    tree.mountV1("net_cls", "net_cls", Map.of());
    assertThat(CgroupDrivers.detect(tree.mountinfo(), tree)).isInstanceOf(CgroupV2Driver.class);
  }

  @Test
  void detect_nothingMounted_isUnavailable() {
    assertThatThrownBy(
            () ->
                CgroupDrivers.detect("22 1 0:21 / /proc rw - proc proc rw\n", new LinuxCgroupFs()))
        .isInstanceOfSatisfying(
            ContainerException.class,
            e -> assertThat(e.kind()).isEqualTo(ContainerException.Kind.UNAVAILABLE));
  }

  @Test
  void parse_controllersAndEscapes() {
    var mounts =
        CgroupMount.parse(
            "32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct\n"
                + "33 31 0:29 / /mnt/again rw - cgroup cgroup rw,cpu,cpuacct\n"
                + "40 31 0:37 / /sys/fs/my\\040cg rw - cgroup cgroup rw,xattr,name=systemd,release_agent=/x\n");
    assertThat(mounts).hasSize(2);
    assertThat(mounts.get(0).controllers()).containsExactly("cpu", "cpuacct");
    assertThat(mounts.get(1).mountPoint()).isEqualTo(Path.of("/sys/fs/my cg"));
    assertThat(mounts.get(1).controllers()).containsExactly("name=systemd");
  }
}
