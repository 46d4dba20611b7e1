package dev.jcompose.scheduler.testing;

import dev.jcompose.model.api.HealthCheck;
import dev.jcompose.model.api.NetworkMode;
import dev.jcompose.model.api.PortRange;
import dev.jcompose.model.api.RestartPolicy;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceLifecycle;
import dev.jcompose.model.api.ServiceNetworking;
import dev.jcompose.model.api.ServiceProcess;
import dev.jcompose.model.api.ServiceResources;
import dev.jcompose.model.api.ServiceSecurity;
import dev.jcompose.model.api.ServiceStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Builds {@link Service} records for tests, image busybox; unset attributes are what the loader
 * leaves for absent ones. The config hash stands in for the loader's: a digest of the record, so
 * that any change of an attribute the hash covers changes it.
 */
public final class Svc {
  private final Service.Builder service;
  private final ServiceProcess.Builder process = ServiceProcess.builder();
  private final List<ServiceNetworking.Port> ports = new ArrayList<>();
  private final List<ServiceStorage.Mount> volumes = new ArrayList<>();
  private final List<ServiceStorage.Tmpfs> tmpfs = new ArrayList<>();
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final Map<String, ServiceLifecycle.Dependency> dependsOn = new LinkedHashMap<>();
  private NetworkMode networkMode;
  private ServiceLifecycle lifecycle = ServiceLifecycle.NONE;
  private ServiceSecurity security = ServiceSecurity.NONE;
  public final String name;

  private Svc(String name) {
    this.name = name;
    this.service = Service.builder(name).image("busybox");
  }

  public static Svc of(String name) {
    return new Svc(name);
  }

  public Svc image(String i) {
    service.image(i);
    return this;
  }

  public Svc command(String... c) {
    process.command(List.of(c));
    return this;
  }

  public Svc entrypoint(String... e) {
    process.entrypoint(List.of(e));
    return this;
  }

  public Svc env(String k, String v) {
    environment.put(k, v);
    return this;
  }

  public Svc dependsOn(String dep, String condition) {
    return dependsOn(dep, condition, false);
  }

  public Svc dependsOn(String dep, String condition, boolean restart) {
    return dependsOn(dep, condition, restart, true);
  }

  public Svc dependsOn(String dep, String condition, boolean restart, boolean required) {
    dependsOn.put(dep, new ServiceLifecycle.Dependency(condition, restart, required));
    return this;
  }

  public Svc scale(int n) {
    lifecycle = lifecycle.withScale(n);
    return this;
  }

  public Svc networkMode(String m) {
    networkMode = NetworkMode.parse(m);
    return this;
  }

  public Svc restart(String r) {
    lifecycle = lifecycle.withRestart(RestartPolicy.parse(r));
    return this;
  }

  public Svc stopGracePeriod(Duration d) {
    lifecycle = lifecycle.withStop(lifecycle.stopSignal(), d);
    return this;
  }

  public Svc security(UnaryOperator<ServiceSecurity.Builder> change) {
    security = change.apply(security.toBuilder()).build();
    return this;
  }

  public Svc resources(ServiceResources r) {
    service.resources(r);
    return this;
  }

  public Svc tmpfs(String spec) {
    tmpfs.add(ServiceStorage.Tmpfs.parse(spec));
    return this;
  }

  public Svc health(String... test) {
    service.healthcheck(
        new HealthCheck(
            List.of(test), Duration.ofMillis(50), Duration.ofSeconds(5), 2, null, null, false));
    return this;
  }

  /** A healthcheck whose failures do not count for {@code startPeriod} (a slow starter). */
  public Svc healthAfter(Duration startPeriod, String... test) {
    service.healthcheck(
        new HealthCheck(
            List.of(test),
            Duration.ofMillis(50),
            Duration.ofSeconds(5),
            2,
            startPeriod,
            null,
            false));
    return this;
  }

  public Svc volume(String type, String source, String target) {
    volumes.add(
        ServiceStorage.Mount.of(ServiceStorage.MountType.parse(type), source, target, false));
    return this;
  }

  public Svc port(int target, String published) {
    ports.add(
        ServiceNetworking.Port.of(
            target, published == null ? null : PortRange.parse(published, "published")));
    return this;
  }

  public Service build() {
    Service s =
        service
            .process(process.environment(environment).build())
            .networking(ServiceNetworking.builder().mode(networkMode).ports(ports).build())
            .storage(ServiceStorage.NONE.withVolumes(volumes).withTmpfs(tmpfs))
            .security(security)
            .lifecycle(lifecycle.withDependsOn(dependsOn))
            .hashedForm(null)
            .build();
    // What the loader's hash leaves out (build, pull policy, scale, depends_on, profiles) is left
    // out here too.
    Service hashed =
        s.toBuilder()
            .build(null)
            .pullPolicy(null)
            .profiles(null)
            .lifecycle(s.lifecycle().withScale(1).withDependsOn(Map.of()))
            .build();
    return s.toBuilder().hashedForm(hashed.toString()).build();
  }
}
