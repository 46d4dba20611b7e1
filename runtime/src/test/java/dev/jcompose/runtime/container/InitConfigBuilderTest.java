package dev.jcompose.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ContainerSpec.Isolation;
import dev.jcompose.runtime.api.ContainerSpec.MountSpec;
import dev.jcompose.runtime.api.ContainerSpec.Namespace;
import dev.jcompose.runtime.api.ContainerSpec.NetworkMode;
import dev.jcompose.runtime.api.ContainerSpec.Resources;
import dev.jcompose.runtime.api.ImageConfig;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.RuntimePaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The policy half of create, without a kernel: which records the shim receives. */
class InitConfigBuilderTest {
  private static final ContainerDirs DIRS =
      ContainerDirs.of(new RuntimePaths(Path.of("/d"), Path.of("/r")), "c1");
  private static final ImageHandle IMAGE =
      new ImageHandle(
          "img",
          "sha256:1",
          "sha256:2",
          List.of(Path.of("/l/bottom"), Path.of("/l/top")),
          new ImageConfig(null, null, null, null, null, null, null, null, null, null),
          0);

  @Test
  void firstRun_newNetns_bindsItAndUsesDockerDefaults() {
    List<String> recs = build(spec(NetworkMode.newNamespace(), false, List.of()), true);

    assertThat(recs)
        .contains(
            "ns=net",
            "netns-bind=/r/containers/c1/netns",
            "lo-up=1",
            "ns=pid",
            "ns=uts",
            "ns=ipc",
            "overlay-opts=lowerdir=0:1,upperdir=../upper,workdir=../work",
            "mask=/proc/kcore",
            "readonly=/proc/sys",
            "mount=proc|proc|/proc|14|",
            "mknod=/dev/null|c|1|3|666|0|0",
            "symlink=pts/ptmx|/dev/ptmx",
            "sysctl=net/ipv4/ip_unprivileged_port_start|0",
            "caps=2818844155",
            "cgroup-procs=/cg/c1/cgroup.procs",
            "mount=bind|/d/containers/c1/etc/etc_hosts|/etc/hosts|0|");
    assertThat(recs).doesNotContain("netns-join=/r/containers/c1/netns");
  }

  @Test
  void seccomp_dockersDefaultFilter_butNoneWhenPrivilegedOrUnconfined() {
    assertThat(build(spec(NetworkMode.newNamespace(), false, List.of()), true))
        .anyMatch(r -> r.startsWith("seccomp="));
    assertThat(build(spec(NetworkMode.newNamespace(), true, List.of()), true))
        .noneMatch(r -> r.startsWith("seccomp="));
    ContainerSpec unconfined =
        Specs.withSecurity(
            spec(NetworkMode.newNamespace(), false, List.of()),
            new ContainerSpec.Security(ContainerSpec.Seccomp.UNCONFINED, List.of()));
    assertThat(build(unconfined, true)).noneMatch(r -> r.startsWith("seccomp="));
  }

  @Test
  void seccomp_ownProfile_isCompiled_andABadOneNamesTheContainer() {
    ContainerSpec own =
        Specs.withSecurity(
            spec(NetworkMode.newNamespace(), false, List.of()),
            new ContainerSpec.Security(
                ContainerSpec.Seccomp.profile(
                    "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"chmod\"],\"action\":\"SCMP_ACT_ERRNO\"}]}"),
                List.of()));
    assertThat(build(own, true)).anyMatch(r -> r.startsWith("seccomp="));
    ContainerSpec bad =
        Specs.withSecurity(
            own, new ContainerSpec.Security(ContainerSpec.Seccomp.profile("[1]"), List.of()));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> build(bad, true))
        .hasMessage("seccomp profile of container c1: a seccomp profile must be a JSON object");
  }

  @Test
  void restart_joinsKeptNetns() {
    List<String> recs = build(spec(NetworkMode.newNamespace(), false, List.of()), false);

    assertThat(recs).contains("netns-join=/r/containers/c1/netns").doesNotContain("ns=net");
  }

  @Test
  void hostNetwork_privileged_noNetnsNoMasksSysRw() {
    List<String> recs =
        build(spec(new NetworkMode(NetworkMode.Kind.HOST, null), true, List.of()), true);

    assertThat(recs)
        .noneMatch(
            r ->
                r.startsWith("ns=net")
                    || r.startsWith("netns")
                    || r.startsWith("mask=")
                    || r.startsWith("readonly=/proc")
                    || r.startsWith("sysctl="));
    assertThat(recs).contains("mount=sysfs|sysfs|/sys|14|");
  }

  @Test
  void userMounts_readOnlyBindAndTmpfsOptions() {
    var mounts =
        List.of(
            new MountSpec(MountSpec.Type.BIND, Path.of("/src"), "/data", true, false, List.of()),
            new MountSpec(
                MountSpec.Type.TMPFS, null, "/t", false, false, List.of("size=1m", "exec")));

    assertThat(build(spec(NetworkMode.newNamespace(), false, mounts), true))
        .contains("mount=bind|/src|/data|1|", "mount=tmpfs|tmpfs|/t|6|size=1m");
  }

  private static ContainerSpec spec(NetworkMode net, boolean privileged, List<MountSpec> mounts) {
    var p = Specs.process(null, List.of(), "app");
    return new ContainerSpec(
        "c1",
        IMAGE,
        p,
        "h",
        null,
        net,
        mounts,
        Map.of("/etc/hosts", "x"),
        Resources.none(),
        false,
        privileged,
        Map.of(),
        List.of(),
        null,
        Map.of(),
        ContainerSpec.Isolation.defaults(),
        null,
        null);
  }

  @Test
  void devices_areNodesOfTheContainersOwnDev_ownedByRoot_notHostBinds() {
    List<String> recs = build(spec(NetworkMode.newNamespace(), false, List.of()), true);

    assertThat(recs)
        .contains(
            "mknod=/dev/zero|c|1|5|666|0|0",
            "mknod=/dev/tty|c|5|0|666|0|0",
            "symlink=/proc/kcore|/dev/core")
        .noneMatch(r -> r.startsWith("mount=bind|/dev/"));
    // the /dev tmpfs comes before its nodes, the nodes before the links into it
    assertThat(recs.indexOf("mount=tmpfs|tmpfs|/dev|16777218|mode=755,size=65536k"))
        .isLessThan(recs.indexOf("mknod=/dev/null|c|1|3|666|0|0"));
  }

  @Test
  void cgroupV1_hostNamespaceByDefault_bindsTheContainersOwnGroups() {
    List<String> recs =
        build(
            spec(NetworkMode.newNamespace(), false, List.of()),
            V1,
            List.of(Path.of("/sys/fs/cgroup/memory/jcompose/c1/cgroup.procs")));

    assertThat(recs)
        .doesNotContain("cgroupns=1")
        .contains(
            "mount=tmpfs|tmpfs|/sys/fs/cgroup|14|mode=755,size=64k",
            "mount=bind|/sys/fs/cgroup/memory/jcompose/c1|/sys/fs/cgroup/memory|15|",
            "mount=cgroup|cgroup|/sys/fs/cgroup/cpu,cpuacct|15|cpu,cpuacct",
            "symlink=cpu,cpuacct|/sys/fs/cgroup/cpu",
            "symlink=cpu,cpuacct|/sys/fs/cgroup/cpuacct",
            "remount=/sys/fs/cgroup|15");
  }

  @Test
  void cgroupV2_privateNamespaceByDefault_hostWhenAsked() {
    List<Path> procs = List.of(Path.of("/sys/fs/cgroup/jcompose/c1/cgroup.procs"));
    assertThat(build(spec(NetworkMode.newNamespace(), false, List.of()), V2, procs))
        .contains("cgroupns=1", "mount=cgroup2|cgroup|/sys/fs/cgroup|15|");

    var host = withIsolation(new Isolation(null, null, null, Namespace.HOST, false, null, null));
    assertThat(build(host, V2, procs))
        .doesNotContain("cgroupns=1")
        .contains("mount=bind|/sys/fs/cgroup/jcompose/c1|/sys/fs/cgroup|15|");
    var own = withIsolation(new Isolation(null, null, null, Namespace.PRIVATE, false, null, null));
    assertThat(build(own, V1, procs))
        .contains("cgroupns=1", "mount=cgroup|cgroup|/sys/fs/cgroup/memory|15|memory");
  }

  @Test
  void init_isBoundReadOnly_andRunsTheCommand_onlyWithAPrivatePidNamespace() {
    var withInit = withIsolation(new Isolation(null, null, null, null, true, null, null));
    List<String> recs = build(withInit, true);
    assertThat(recs).contains("mount=bind|/d/bin/jcinit|/sbin/docker-init|7|");
    assertThat(recs.stream().filter(r -> r.startsWith("arg=")).toList())
        .containsExactly("arg=/sbin/docker-init", "arg=--", "arg=app");

    var hostPid = withIsolation(new Isolation(Namespace.HOST, null, null, null, true, null, null));
    assertThat(build(hostPid, true)).doesNotContain("ns=pid", "arg=/sbin/docker-init");
  }

  @Test
  void joinedAndHostNamespaces_areNotCreated_andTheHostsNameIsNeverSet() {
    var iso =
        new Isolation(
            Namespace.join(Path.of("/proc/7/ns/pid")),
            Namespace.join(Path.of("/proc/7/ns/ipc")),
            Namespace.HOST,
            null,
            false,
            "/d/containers/x/shm",
            null);
    List<String> recs = build(withIsolation(iso), true);

    assertThat(recs)
        .contains(
            "ns=mnt",
            "ns-join=pid|/proc/7/ns/pid",
            "ns-join=ipc|/proc/7/ns/ipc",
            "mount=bind|/d/containers/x/shm|/dev/shm|14|")
        .doesNotContain("ns=pid", "ns=ipc", "ns=uts", "hostname=h");
  }

  private static ContainerSpec withIsolation(Isolation iso) {
    ContainerSpec s = spec(NetworkMode.newNamespace(), false, List.of());
    return new ContainerSpec(
        s.id(),
        s.image(),
        s.process(),
        s.hostname(),
        s.domainname(),
        s.network(),
        s.mounts(),
        s.etcFiles(),
        s.resources(),
        false,
        false,
        Map.of(),
        List.of(),
        null,
        Map.of(),
        iso,
        null,
        null);
  }

  private static final List<CgroupMounts.Hierarchy> V1 =
      List.of(
          new CgroupMounts.Hierarchy("cgroup", "memory", "memory"),
          new CgroupMounts.Hierarchy("cgroup", "cpu,cpuacct", "cpu,cpuacct"),
          new CgroupMounts.Hierarchy("cgroup2", "unified", ""));
  private static final List<CgroupMounts.Hierarchy> V2 =
      List.of(new CgroupMounts.Hierarchy("cgroup2", "", ""));

  private static List<String> build(ContainerSpec spec, boolean firstRun) {
    return build(spec, V1, List.of(Path.of("/cg/c1/cgroup.procs")), firstRun);
  }

  private static List<String> build(
      ContainerSpec spec, List<CgroupMounts.Hierarchy> cgroups, List<Path> procs) {
    return build(spec, cgroups, procs, true);
  }

  private static List<String> build(
      ContainerSpec spec,
      List<CgroupMounts.Hierarchy> cgroups,
      List<Path> procs,
      boolean firstRun) {
    long caps =
        spec.privileged()
            ? CapabilityMasks.all()
            : CapabilityMasks.mask(CapabilityMasks.DOCKER_DEFAULT);
    var id = new ProcessIdentity(0, 0, List.of(0L), caps, false, List.of("PATH=/bin"), "/");
    var rec = ContainerRecord.created(spec, id, "2026-01-01T00:00:00Z", "jcompose/" + spec.id());
    var host = new HostView(procs, cgroups, Path.of("/d/bin/jcinit"), true);
    byte[] enc = InitConfigBuilder.build(rec, DIRS, host, 2, firstRun).encode();
    return decode(enc);
  }

  /** key=value with NUL field separators shown as '|'. */
  static List<String> decode(byte[] b) {
    List<String> out = new ArrayList<>();
    int p = 0;
    while (p < b.length) {
      int sp = indexOf(b, (byte) ' ', p);
      int nl = indexOf(b, (byte) '\n', sp);
      int len = Integer.parseInt(new String(b, sp + 1, nl - sp - 1, StandardCharsets.UTF_8));
      String key = new String(b, p, sp - p, StandardCharsets.UTF_8);
      out.add(key + "=" + new String(b, nl + 1, len, StandardCharsets.UTF_8).replace('\0', '|'));
      p = nl + 1 + len + 1;
    }
    return out;
  }

  private static int indexOf(byte[] b, byte c, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }
}
