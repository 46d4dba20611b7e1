package dev.jcompose.cli.output;

import dev.jcompose.scheduler.api.ContainerDetails;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.ImageDetails;
import dev.jcompose.scheduler.api.NetworkDetails;
import dev.jcompose.scheduler.api.VolumeDetails;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The documents {@code docker container|image|network|volume inspect} print, for the fields
 * jcompose has, under docker's names and in docker's order; times in RFC 3339 with nanoseconds,
 * Go's zero time for "never". Tools that read docker's inspect output (jq filters, IDE plugins)
 * find their keys.
 */
public final class InspectJson {
  private static final String ZERO = "0001-01-01T00:00:00Z";

  private InspectJson() {}

  public static Map<String, Object> container(ContainerDetails c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Id", c.id());
    m.put("Created", time(c.created()));
    m.put("Path", c.path());
    m.put("Args", c.args());
    m.put("State", state(c.state()));
    m.put("Image", c.imageId());
    m.put("LogPath", c.logPath());
    m.put("Name", "/" + c.name());
    m.put("RestartCount", 0);
    m.put("Driver", "overlay2");
    m.put("Platform", "linux");
    m.put("HostConfig", hostConfig(c.limits()));
    m.put("Mounts", mounts(c.mounts()));
    m.put("Config", config(c));
    m.put("NetworkSettings", network(c));
    return m;
  }

  private static Map<String, Object> state(ContainerDetails.State s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Status", s.status());
    m.put("Running", s.running());
    m.put("Paused", s.paused());
    m.put("Restarting", false);
    m.put("OOMKilled", s.oomKilled());
    m.put("Dead", false);
    m.put("Pid", s.pid());
    m.put("ExitCode", s.exitCode());
    m.put("Error", "");
    m.put("StartedAt", time(s.startedAt()));
    m.put("FinishedAt", time(s.finishedAt()));
    if (s.health() != null) {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("Status", s.health().status());
      h.put("FailingStreak", s.health().failingStreak());
      List<Map<String, Object>> log = new ArrayList<>();
      for (ContainerDetails.Probe p : s.health().log()) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("Start", time(p.start()));
        r.put("End", time(p.end()));
        r.put("ExitCode", p.exitCode());
        r.put("Output", p.output());
        log.add(r);
      }
      h.put("Log", log);
      m.put("Health", h);
    }
    return m;
  }

  private static Map<String, Object> hostConfig(ContainerDetails.Limits l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("NetworkMode", l.networkMode().equals("new") ? "bridge" : l.networkMode());
    m.put(
        "RestartPolicy",
        Map.of("Name", l.restartPolicy(), "MaximumRetryCount", l.restartMaxRetries()));
    m.put("CapAdd", l.capabilities());
    m.put("Privileged", l.privileged());
    m.put("ReadonlyRootfs", l.readonlyRootfs());
    m.put("ShmSize", zero(l.shmSize()));
    m.put("CpuShares", zero(l.cpuShares()));
    m.put("Memory", zero(l.memory()));
    m.put("CpuPeriod", zero(l.cpuPeriod()));
    m.put("CpuQuota", zero(l.cpuQuota()));
    m.put("CpusetCpus", l.cpusetCpus() == null ? "" : l.cpusetCpus());
    m.put("MemoryReservation", zero(l.memoryReservation()));
    m.put("MemorySwap", zero(l.memorySwap()));
    m.put("PidsLimit", l.pidsLimit());
    return m;
  }

  private static List<Map<String, Object>> mounts(List<ContainerDetails.MountPoint> mounts) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ContainerDetails.MountPoint p : mounts) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Type", p.type());
      if (!p.name().isEmpty()) {
        m.put("Name", p.name());
      }
      m.put("Source", p.source());
      m.put("Destination", p.destination());
      if (p.type().equals("volume")) {
        m.put("Driver", "local");
      }
      m.put("Mode", "");
      m.put("RW", p.rw());
      m.put("Propagation", p.type().equals("bind") ? "rprivate" : "");
      out.add(m);
    }
    return out;
  }

  private static Map<String, Object> config(ContainerDetails c) {
    ContainerDetails.Config k = c.config();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Hostname", k.hostname());
    m.put("Domainname", k.domainname() == null ? "" : k.domainname());
    m.put("User", k.user() == null ? "" : k.user());
    m.put("Tty", k.tty());
    m.put("OpenStdin", k.openStdin());
    m.put("Env", k.env());
    List<String> cmd = new ArrayList<>();
    cmd.add(c.path());
    cmd.addAll(c.args());
    m.put("Cmd", cmd);
    m.put("Image", c.image());
    m.put("WorkingDir", k.workingDir() == null ? "" : k.workingDir());
    m.put("Labels", new TreeMap<>(k.labels()));
    if (k.stopSignal() != null) {
      m.put("StopSignal", k.stopSignal());
    }
    if (k.stopGraceMillis() != null) {
      m.put("StopTimeout", k.stopGraceMillis() / 1000);
    }
    return m;
  }

  private static Map<String, Object> network(ContainerDetails c) {
    Map<String, Object> ports = new TreeMap<>();
    for (ContainerSummary.Publisher p : c.ports()) {
      @SuppressWarnings("unchecked")
      List<Map<String, String>> bindings =
          (List<Map<String, String>>)
              ports.computeIfAbsent(p.targetPort() + "/" + p.protocol(), k -> new ArrayList<>());
      bindings.add(Map.of("HostIp", p.url(), "HostPort", Integer.toString(p.publishedPort())));
    }
    Map<String, Object> networks = new TreeMap<>();
    c.networks()
        .forEach(
            (name, e) -> {
              Map<String, Object> n = new LinkedHashMap<>();
              n.put("Aliases", e.aliases());
              n.put("NetworkID", ShortIds.of(name));
              n.put("Gateway", e.gateway() == null ? "" : e.gateway());
              n.put("IPAddress", e.ipAddress());
              n.put("IPPrefixLen", e.prefixLength());
              n.put("MacAddress", e.macAddress());
              n.put("DNSNames", e.aliases());
              networks.put(name, n);
            });
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Ports", ports);
    m.put("Networks", networks);
    return m;
  }

  public static Map<String, Object> image(ImageDetails i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Id", i.id());
    m.put("RepoTags", i.repoTags());
    m.put("RepoDigests", i.repoDigests());
    m.put("Parent", "");
    m.put("Comment", "");
    m.put("Created", time(i.created()));
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("User", i.user() == null ? "" : i.user());
    c.put("ExposedPorts", keys(i.exposedPorts()));
    c.put("Env", i.env());
    c.put("Cmd", i.cmd());
    c.put("Volumes", keys(i.volumes()));
    c.put("WorkingDir", i.workingDir() == null ? "" : i.workingDir());
    c.put("Entrypoint", i.entrypoint());
    c.put("Labels", i.labels());
    if (i.stopSignal() != null) {
      c.put("StopSignal", i.stopSignal());
    }
    m.put("Config", c);
    m.put("Architecture", i.architecture());
    m.put("Os", i.os());
    m.put("Size", i.size());
    m.put("RootFS", Map.of("Type", "layers", "Layers", i.layers()));
    return m;
  }

  public static Map<String, Object> network(NetworkDetails n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Name", n.name());
    m.put("Id", ShortIds.full(n.name()));
    m.put("Scope", "local");
    m.put("Driver", n.driver());
    m.put("EnableIPv6", false);
    Map<String, Object> cfg = new LinkedHashMap<>();
    cfg.put("Subnet", n.subnet());
    cfg.put("Gateway", n.gateway());
    m.put("IPAM", Map.of("Driver", "default", "Options", Map.of(), "Config", List.of(cfg)));
    m.put("Internal", n.internal());
    m.put("Attachable", false);
    Map<String, Object> containers = new TreeMap<>();
    for (NetworkDetails.Attached a : n.containers()) {
      containers.put(
          a.container(),
          Map.of(
              "Name",
              a.container(),
              "MacAddress",
              a.macAddress(),
              "IPv4Address",
              a.ipv4Address() + "/" + a.prefixLength(),
              "IPv6Address",
              ""));
    }
    m.put("Containers", containers);
    m.put("Options", Map.of("com.docker.network.bridge.name", n.bridge()));
    m.put("Labels", new TreeMap<>(n.labels()));
    return m;
  }

  public static Map<String, Object> volume(VolumeDetails v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Driver", v.driver());
    m.put("Labels", new TreeMap<>(v.labels()));
    m.put("Mountpoint", v.mountpoint());
    m.put("Name", v.name());
    m.put("Options", Map.of());
    m.put("Scope", "local");
    return m;
  }

  private static Map<String, Object> keys(List<String> values) {
    if (values == null) {
      return null;
    }
    Map<String, Object> m = new TreeMap<>();
    values.forEach(v -> m.put(v, Map.of()));
    return m;
  }

  private static long zero(Long v) {
    return v == null ? 0 : v;
  }

  static String time(Instant t) {
    return t == null ? ZERO : GoTime.rfc3339Nano(t);
  }
}
