package dev.jcompose.scheduler.testing;

import dev.jcompose.model.api.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link Service} records for tests; unset fields are null/empty like the loader leaves them. */
public final class Svc {
  public String name;
  public String image = "busybox";
  public List<String> command;
  public List<String> entrypoint;
  public Map<String, String> environment = new LinkedHashMap<>();
  public String workingDir;
  public String user;
  public String hostname;
  public String containerName;
  public Map<String, String> labels = new LinkedHashMap<>();
  public List<Service.Port> ports = new ArrayList<>();
  public List<Service.ServiceVolume> volumes = new ArrayList<>();
  public List<String> tmpfs = new ArrayList<>();
  public Map<String, Service.ServiceNetwork> networks = new LinkedHashMap<>();
  public String networkMode;
  public Map<String, Service.Dependency> dependsOn = new LinkedHashMap<>();
  public Service.HealthCheck healthcheck;
  public String restart;
  public Service.RestartPolicy deployRestartPolicy;
  public Integer scale;
  public Service.Resources resources;
  public List<String> capAdd = new ArrayList<>();
  public List<String> capDrop = new ArrayList<>();
  public boolean privileged;
  public boolean readOnly;
  public String stopSignal;
  public Duration stopGracePeriod;
  public Map<String, Service.Ulimit> ulimits = new LinkedHashMap<>();
  public List<String> extraHosts = new ArrayList<>();
  public List<String> dns = new ArrayList<>();
  public Map<String, String> sysctls = new LinkedHashMap<>();
  public List<String> securityOpt = new ArrayList<>();
  public List<String> deviceCgroupRules = new ArrayList<>();
  public String pullPolicy;

  public Svc(String name) {
    this.name = name;
  }

  public static Svc of(String name) {
    return new Svc(name);
  }

  public Svc image(String i) {
    image = i;
    return this;
  }

  public Svc command(String... c) {
    command = List.of(c);
    return this;
  }

  public Svc env(String k, String v) {
    environment.put(k, v);
    return this;
  }

  public Svc dependsOn(String dep, String condition) {
    dependsOn.put(dep, new Service.Dependency(condition, false, true));
    return this;
  }

  public Svc dependsOn(String dep, String condition, boolean restart) {
    dependsOn.put(dep, new Service.Dependency(condition, restart, true));
    return this;
  }

  public Svc scale(int n) {
    scale = n;
    return this;
  }

  public Svc networkMode(String m) {
    networkMode = m;
    return this;
  }

  public Svc restart(String r) {
    restart = r;
    return this;
  }

  public Svc health(String... test) {
    healthcheck = new Service.HealthCheck(List.of(test), Duration.ofMillis(50), Duration.ofSeconds(5), 2, null, null, false);
    return this;
  }

  /** A healthcheck whose failures do not count for {@code startPeriod} (a slow starter). */
  public Svc healthAfter(Duration startPeriod, String... test) {
    healthcheck = new Service.HealthCheck(List.of(test), Duration.ofMillis(50), Duration.ofSeconds(5), 2, startPeriod, null, false);
    return this;
  }

  public Svc volume(String type, String source, String target) {
    volumes.add(new Service.ServiceVolume(type, source, target, false, null, null, null, null, null, null, null, null));
    return this;
  }

  public Svc port(int target, String published) {
    ports.add(new Service.Port(null, target, published, null, "tcp", "ingress", null));
    return this;
  }

  public Service build() {
    return new Service(name, image, null, command, entrypoint, environment, workingDir, user, List.of(), hostname, null,
        containerName, labels, ports, List.of(), volumes, tmpfs, networks, networkMode, dependsOn, healthcheck, restart,
        deployRestartPolicy, scale, resources, capAdd, capDrop, privileged, readOnly, stopSignal, stopGracePeriod, false,
        false, null, ulimits, extraHosts, dns, List.of(), List.of(), sysctls, List.of(), securityOpt, List.of(), List.of(),
        pullPolicy, null, null, null, null, null, null, List.of(), List.of(), deviceCgroupRules);
  }
}
