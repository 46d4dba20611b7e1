package dev.jcompose.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ContainerSpec.MountSpec;
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
            "cgroupns=1",
            "overlay-opts=lowerdir=0:1,upperdir=../upper,workdir=../work",
            "mask=/proc/kcore",
            "readonly=/proc/sys",
            "mount=proc|proc|/proc|14|",
            "mount=bind|/dev/null|/dev/null|0|",
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
        withSecurity(
            spec(NetworkMode.newNamespace(), false, List.of()),
            new ContainerSpec.Security(ContainerSpec.Seccomp.UNCONFINED, List.of()));
    assertThat(build(unconfined, true)).noneMatch(r -> r.startsWith("seccomp="));
  }

  @Test
  void seccomp_ownProfile_isCompiled_andABadOneNamesTheContainer() {
    ContainerSpec own =
        withSecurity(
            spec(NetworkMode.newNamespace(), false, List.of()),
            new ContainerSpec.Security(
                ContainerSpec.Seccomp.profile(
                    "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"chmod\"],\"action\":\"SCMP_ACT_ERRNO\"}]}"),
                List.of()));
    assertThat(build(own, true)).anyMatch(r -> r.startsWith("seccomp="));
    ContainerSpec bad =
        withSecurity(
            own, new ContainerSpec.Security(ContainerSpec.Seccomp.profile("[1]"), List.of()));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> build(bad, true))
        .hasMessage("seccomp profile of container c1: a seccomp profile must be a JSON object");
  }

  private static ContainerSpec withSecurity(ContainerSpec s, ContainerSpec.Security security) {
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
        s.readOnlyRootfs(),
        s.privileged(),
        s.sysctls(),
        s.devices(),
        s.shmSizeBytes(),
        s.labels(),
        security);
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
        null);
  }

  private static List<String> build(ContainerSpec spec, boolean firstRun) {
    long caps =
        spec.privileged()
            ? CapabilityMasks.all()
            : CapabilityMasks.mask(CapabilityMasks.DOCKER_DEFAULT);
    var id = new ProcessIdentity(0, 0, List.of(0L), caps, false, List.of("PATH=/bin"), "/");
    var rec = new ContainerRecord(spec, id, "2026-01-01T00:00:00Z", null, null, 0, 0, 0, null);
    byte[] enc =
        InitConfigBuilder.build(rec, DIRS, List.of(Path.of("/cg/c1/cgroup.procs")), 2, firstRun)
            .encode();
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
