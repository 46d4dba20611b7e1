package dev.jcompose.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ContainerSpec.Isolation;
import dev.jcompose.runtime.api.ContainerSpec.MountSpec;
import dev.jcompose.runtime.api.ContainerSpec.Namespace;
import dev.jcompose.runtime.api.ContainerSpec.Rlimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("root")
class ContainerSecurityRootTest extends RuntimeFixture {

  @Test
  void caps_areDockersDefaultSet_inheritableAndAmbientEmpty() throws Exception {
    runToExit(spec("caps", "grep", "^Cap", "/proc/self/status"));

    assertThat(stdout("sh-caps"))
        .containsExactly(
            "CapInh:\t0000000000000000",
            "CapPrm:\t00000000a80425fb",
            "CapEff:\t00000000a80425fb",
            "CapBnd:\t00000000a80425fb",
            "CapAmb:\t0000000000000000");
  }

  @Test
  void seccomp_dockersDefaultFilter_loadedByTheShim_andRefusesUserNamespaces() throws Exception {
    runToExit(
        spec(
            "seccomp",
            "sh",
            "-c",
            "grep ^Seccomp: /proc/self/status; unshare -U true 2>/dev/null || echo refused"));

    assertThat(stdout("sh-seccomp")).containsExactly("Seccomp:\t2", "refused");
  }

  @Test
  void shim_monitorAndInitRunFromASealedCopy_notTheHostsShimFile() throws Exception {
    ContainerSpec spec = spec("sealed", "sleep", "30");
    int init = runtime.create(spec).pid();
    try {
      // before exec the init still runs the shim's code: it must be the sealed memfd
      // (CVE-2019-5736)
      assertThat(Files.readSymbolicLink(Path.of("/proc/" + init + "/exe")).toString())
          .startsWith("/memfd:jcshim");
      String monitor =
          Files.readAllLines(Path.of("/proc/" + init + "/status")).stream()
              .filter(l -> l.startsWith("PPid:"))
              .findFirst()
              .orElseThrow()
              .substring(5)
              .trim();
      assertThat(Files.readSymbolicLink(Path.of("/proc/" + monitor + "/exe")).toString())
          .startsWith("/memfd:jcshim");
    } finally {
      runtime.delete(spec.id());
    }
  }

  @Test
  void devices_mknodOfADiskWorks_butOpeningItIsRefused() throws Exception {
    runToExit(
        spec(
            "mknod",
            "sh",
            "-c",
            "mknod /sda b 8 0 2>&1 && echo made; head -c1 /sda >/dev/null 2>&1 && echo opened || echo refused;"
                + " head -c1 /dev/zero | wc -c"));

    assertThat(stdout("sh-mknod")).containsExactly("made", "refused", "1");
  }

  @Test
  void maskedPaths_emptyAndProcSysReadOnly() throws Exception {
    runToExit(
        spec(
            "mask",
            "sh",
            "-c",
            "wc -c < /proc/timer_list; ls /sys/firmware | wc -l; echo x > /proc/sys/kernel/domainname && echo writable || echo ro;"
                + " echo 1 > /proc/sysrq-trigger && echo writable || echo ro"));

    assertThat(stdout("sh-mask")).containsExactly("0", "0", "ro", "ro");
  }

  @Test
  void fds_onlyStdioReachTheProcess() throws Exception {
    runToExit(spec("fds", "sh", "-c", "ls /proc/1/fd; true"));

    assertThat(stdout("sh-fds")).containsExactly("0", "1", "2");
  }

  @Test
  void mounts_readOnlyBindAndTmpfs() throws Exception {
    Path src = Files.createDirectories(root.resolve("src"));
    Files.writeString(src.resolve("hello"), "from host\n");
    List<MountSpec> mounts =
        List.of(
            new MountSpec(MountSpec.Type.BIND, src, "/data", true, false, List.of()),
            new MountSpec(
                MountSpec.Type.TMPFS,
                null,
                "/scratch",
                false,
                false,
                List.of("size=1m", "mode=1777")));
    ContainerSpec spec =
        Specs.with(
            "sh-mounts",
            image,
            Specs.process(
                null,
                List.of(),
                "sh",
                "-c",
                "cat /data/hello; touch /data/x && echo rw || echo ro; grep ' /scratch ' /proc/mounts | cut -d' ' -f3;"
                    + " touch /scratch/y && echo tmpfs-rw"),
            mounts);
    runToExit(spec);

    assertThat(stdout("sh-mounts")).containsExactly("from host", "ro", "tmpfs", "tmpfs-rw");
    assertThat(src.resolve("x")).doesNotExist();
  }

  @Test
  void user_namedUserWithGroups_andCapsDroppedForNonRoot() throws Exception {
    ContainerSpec spec =
        Specs.with(
            "sh-user",
            image,
            Specs.process(
                "app",
                List.of(),
                "sh",
                "-c",
                "id -u; id -g; id -G; grep CapEff /proc/self/status; pwd"),
            List.of());
    runToExit(spec);

    assertThat(stdout("sh-user"))
        .containsExactly("1000", "1000", "1000 2000", "CapEff:\t0000000000000000", "/");
  }

  @Test
  void rlimits_aboveHardLimit_clampedNotFailed() throws Exception {
    long hard = hostHardNofile();
    ContainerSpec spec =
        Specs.with(
            "sh-rlimit",
            image,
            Specs.process(
                null,
                List.of(new Rlimit("nofile", hard * 4, hard * 4), new Rlimit("nproc", 100, 200)),
                "sh",
                "-c",
                "ulimit -n; ulimit -Hn; ulimit -u"),
            List.of());
    runToExit(spec);

    assertThat(stdout("sh-rlimit"))
        .containsExactly(Long.toString(hard), Long.toString(hard), "100");
  }

  @Test
  void rootfs_writesGoToUpperDir_etcFilesBound() throws Exception {
    runToExit(
        spec("upper", "sh", "-c", "echo hi > /made; cat /etc/hostname; grep localhost /etc/hosts"));

    assertThat(stdout("sh-upper")).containsExactly("box-sh-upper", "127.0.0.1 localhost");
    assertThat(paths.containers().resolve("sh-upper/upper/made")).hasContent("hi");
  }

  private static long hostHardNofile() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
      if (line.startsWith("Max open files")) {
        String[] f = line.trim().split("\\s+");
        return Long.parseLong(f[4]);
      }
    }
    throw new IllegalStateException("no nofile limit");
  }

  @Test
  void cgroupfs_privateNamespace_readOnlyAndShowsOwnGroupAsRoot() throws Exception {
    runToExit(
        Specs.withIsolation(
            spec(
                "cgfs",
                "sh",
                "-c",
                "cat /proc/self/cgroup | grep -c ':/$'; ls /sys/fs/cgroup/pids/cgroup.procs >/dev/null && echo has-pids;"
                    + " mkdir /sys/fs/cgroup/pids/x 2>/dev/null && echo writable || echo ro"),
            new Isolation(null, null, null, Namespace.PRIVATE, false, null, null)));

    List<String> out = stdout("sh-cgfs");
    assertThat(Integer.parseInt(out.get(0))).isPositive();
    assertThat(out.subList(1, out.size())).containsExactly("has-pids", "ro");
  }

  @Test
  void cgroupfs_hostNamespace_showsTheGroupsPath_butOnlyItsOwnGroupReadOnly() throws Exception {
    assumeTrue(
        !Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers")), "a v1 hierarchy to look at");
    runToExit(
        Specs.withIsolation(
            spec(
                "cghost",
                "sh",
                "-c",
                "grep ':pids:' /proc/self/cgroup; grep -c . /sys/fs/cgroup/pids/cgroup.procs;"
                    + " mkdir /sys/fs/cgroup/pids/x 2>/dev/null && echo writable || echo ro"),
            new Isolation(null, null, null, Namespace.HOST, false, null, null)));

    List<String> out = stdout("sh-cghost");
    assertThat(out.get(0)).matches("\\d+:pids:/jcompose/sh-cghost-[0-9a-f]{8}");
    assertThat(out.subList(1, out.size()))
        .containsExactly("2", "ro"); // its own group only: the shell and grep
  }
}
