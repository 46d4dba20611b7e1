package dev.jcompose.runtime.container;

import static dev.jcompose.runtime.container.MountFlags.NODEV;
import static dev.jcompose.runtime.container.MountFlags.NOEXEC;
import static dev.jcompose.runtime.container.MountFlags.NOSUID;
import static dev.jcompose.runtime.container.MountFlags.RDONLY;

import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ContainerSpec.DeviceSpec;
import dev.jcompose.runtime.api.ContainerSpec.Isolation;
import dev.jcompose.runtime.api.ContainerSpec.MountSpec;
import dev.jcompose.runtime.api.ContainerSpec.Namespace;
import dev.jcompose.runtime.api.ContainerSpec.NetworkMode;
import dev.jcompose.runtime.api.ContainerSpec.Rlimit;
import dev.jcompose.runtime.shim.ShimConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Turns a container's spec into the complete, policy-free config the shim executes for one run of
 * its init process. All decisions (default mounts, masked paths, flags, namespaces) are made here.
 */
final class InitConfigBuilder {
  private InitConfigBuilder() {}

  /**
   * @param host what the host contributes (cgroup files and hierarchies, the init binary)
   * @param firstRun true for the run that creates the container's netns (binds it for later runs)
   */
  static ShimConfig build(
      ContainerRecord rec, ContainerDirs dirs, HostView host, int layerCount, boolean firstRun) {
    ContainerSpec spec = rec.spec();
    Isolation iso = spec.isolation();
    ShimConfig c = new ShimConfig();
    c.put("socket", dirs.socket().toString())
        .put("exit-file", dirs.exitFile().toString())
        .put("log", dirs.log(spec).toString());
    host.procsFiles().forEach(p -> c.put("cgroup-procs", p.toString()));
    boolean privateCgroupns = cgroupNamespacePrivate(iso, host);
    namespaces(c, iso, privateCgroupns);
    network(c, spec.network(), dirs, firstRun);
    // a hostname is only ever set in the container's own UTS namespace, never the host's
    if (spec.hostname() != null && iso.uts().owner() == Namespace.Owner.PRIVATE) {
      c.put("hostname", spec.hostname());
    }
    if (spec.domainname() != null && iso.uts().owner() == Namespace.Owner.PRIVATE) {
      c.put("domainname", spec.domainname());
    }
    if (spec.resources() != null && spec.resources().oomScoreAdj() != null) {
      c.put("oom-score-adj", spec.resources().oomScoreAdj());
    }
    if (spec.process().stdinOpen() && !spec.process().tty()) {
      c.put("stdin-open", 1);
    }
    if (spec.attachWait() && firstRun) {
      c.put("attach-wait", 1);
    }
    rootfs(c, dirs, layerCount, spec.readOnlyRootfs());
    long shm = spec.shmSizeBytes() == null ? DockerDefaults.DEFAULT_SHM_BYTES : spec.shmSizeBytes();
    DockerDefaults.kernelMounts(c, shm, iso.ipcShmPath(), spec.privileged());
    DockerDefaults.devices(c);
    CgroupMounts.addTo(c, host.hierarchies(), privateCgroupns ? List.of() : host.procsFiles());
    DockerDefaults.devSymlinks(c, host.kcore());
    spec.mounts().forEach(m -> userMount(c, m));
    etcFiles(c, spec.etcFiles(), dirs);
    for (DeviceSpec d : spec.devices()) {
      DockerDefaults.mount(c, "bind", d.hostPath().toString(), d.containerPath(), 0, "");
    }
    if (!spec.privileged()) {
      c.putAll("mask", DockerDefaults.masked()).putAll("readonly", DockerDefaults.READONLY);
    }
    sysctls(c, spec.sysctls(), spec.network().kind());
    boolean init = iso.init() && iso.pid().owner() == Namespace.Owner.PRIVATE;
    if (init) {
      // docker --init: its init bind-mounted read-only at /sbin/docker-init, run as
      // `/sbin/docker-init -- <command>`, only with a private pid namespace (moby oci_linux.go)
      DockerDefaults.mount(
          c, "bind", host.initBinary().toString(), INIT_PATH, RDONLY | NOSUID | NODEV, "");
    }
    process(c, spec, rec.identity(), init);
    return c;
  }

  static final String INIT_PATH = "/sbin/docker-init";

  /**
   * docker's default: the host's cgroup namespace on v1, a private one on v2 (moby daemon config).
   */
  static boolean cgroupNamespacePrivate(Isolation iso, HostView host) {
    return iso.cgroup() == null
        ? host.unifiedCgroups()
        : iso.cgroup().owner() == Namespace.Owner.PRIVATE;
  }

  private static void namespaces(ShimConfig c, Isolation iso, boolean privateCgroupns) {
    List<String> own = new ArrayList<>(List.of("mnt"));
    namespace(c, own, "pid", iso.pid());
    namespace(c, own, "uts", iso.uts());
    namespace(c, own, "ipc", iso.ipc());
    c.putAll("ns", own);
    if (privateCgroupns) {
      c.put("cgroupns", 1);
    }
  }

  private static void namespace(ShimConfig c, List<String> own, String type, Namespace ns) {
    switch (ns.owner()) {
      case PRIVATE -> own.add(type);
      case HOST -> {}
      case JOIN -> c.put("ns-join", type, ns.joinPath().toString());
    }
  }

  private static void network(ShimConfig c, NetworkMode net, ContainerDirs dirs, boolean firstRun) {
    switch (net.kind()) {
      case HOST -> {}
      case JOIN -> c.put("netns-join", net.joinPath().toString());
      case NEW, NONE -> {
        if (firstRun) {
          c.put("ns", "net").put("netns-bind", dirs.netns().toString()).put("lo-up", 1);
        } else {
          c.put("netns-join", dirs.netns().toString());
        }
      }
    }
  }

  private static void rootfs(ShimConfig c, ContainerDirs dirs, int layerCount, boolean readOnly) {
    String lower =
        IntStream.range(0, layerCount).mapToObj(Integer::toString).collect(Collectors.joining(":"));
    c.put("rootfs", dirs.merged().toString())
        .put("overlay-dir", dirs.layerLinks().toString())
        .put("overlay-opts", "lowerdir=" + lower + ",upperdir=../upper,workdir=../work");
    if (readOnly) {
      c.put("rootfs-readonly", 1);
    }
  }

  private static void userMount(ShimConfig c, MountSpec m) {
    switch (m.type()) {
      case BIND, VOLUME ->
          DockerDefaults.mount(
              c, "bind", m.source().toString(), m.target(), m.readOnly() ? RDONLY : 0, "");
      case TMPFS -> {
        List<String> opts = m.options() == null ? List.of() : m.options();
        long flags =
            NOSUID | NODEV | (opts.contains("exec") ? 0 : NOEXEC) | (m.readOnly() ? RDONLY : 0);
        String data =
            opts.stream()
                .filter(o -> !o.equals("exec") && !o.equals("noexec"))
                .collect(Collectors.joining(","));
        DockerDefaults.mount(c, "tmpfs", "tmpfs", m.target(), flags, data);
      }
    }
  }

  private static void etcFiles(ShimConfig c, Map<String, String> files, ContainerDirs dirs) {
    files.keySet().stream()
        .sorted()
        .forEach(
            target ->
                DockerDefaults.mount(
                    c, "bind", dirs.etc().resolve(etcFileName(target)).toString(), target, 0, ""));
  }

  static String etcFileName(String target) {
    return target.replaceFirst("^/+", "").replace('/', '_');
  }

  private static void sysctls(ShimConfig c, Map<String, String> sysctls, NetworkMode.Kind net) {
    if (net == NetworkMode.Kind.NEW || net == NetworkMode.Kind.NONE) {
      // docker's defaults for a private netns (moby oci_linux.go): unprivileged ports and ping
      c.put("sysctl", "net/ipv4/ip_unprivileged_port_start", "0");
      c.put("sysctl", "net/ipv4/ping_group_range", "0 2147483647");
    }
    sysctls.forEach((k, v) -> c.put("sysctl", k.replace('.', '/'), v));
  }

  private static void process(ShimConfig c, ContainerSpec spec, ProcessIdentity id, boolean init) {
    c.put("uid", id.uid()).put("gid", id.gid());
    id.groups().forEach(g -> c.put("group", g));
    c.put("caps", Long.toUnsignedString(id.capabilities()))
        .put("nnp", id.noNewPrivileges() ? 1 : 0);
    ContainerSeccomp.addTo(c, spec, id.capabilities());
    c.put("cwd", id.cwd()).put("tty", spec.process().tty() ? 1 : 0);
    for (Rlimit r : spec.process().rlimits()) {
      c.put(
          "rlimit",
          Integer.toString(Rlimits.resource(r.name())),
          Rlimits.value(r.soft()),
          Rlimits.value(r.hard()));
    }
    if (init) {
      c.putAll("arg", List.of(INIT_PATH, "--"));
    }
    c.putAll("arg", spec.process().args()).putAll("env", id.env());
  }
}
