package dev.jcompose.model.api;

import java.util.List;
import java.util.Map;

/**
 * One service of a resolved project, every short syntax already parsed into its typed value, its
 * attributes grouped by concern. Immutable; built by the loader, or by {@link #builder} in tests
 * and converters. Group records are never null (an absent attribute is empty or null inside them);
 * {@code build}, {@code healthcheck}, {@code logging} and {@code develop} are null when not
 * written.
 *
 * @param pullPolicy always, never, missing, build, daily...; null = the verb's default
 * @param configHash SHA-256 of the service's canonical form without the attributes that do not need
 *     a new container (build, pull_policy, scale, deploy.replicas, depends_on, profiles), as docker
 *     compose's {@code com.docker.compose.config-hash}; computed by the loader
 */
public record Service(
    String name,
    String image,
    String pullPolicy,
    String platform,
    BuildConfig build,
    String containerName,
    Map<String, String> labels,
    List<String> profiles,
    ServiceProcess process,
    ServiceNetworking networking,
    ServiceStorage storage,
    ServiceResources resources,
    ServiceSecurity security,
    HealthCheck healthcheck,
    ServiceLifecycle lifecycle,
    LoggingConfig logging,
    DevelopConfig develop,
    String configHash) {

  public Service {
    labels = Copies.map(labels);
    profiles = Copies.list(profiles);
    process = process == null ? ServiceProcess.NONE : process;
    networking = networking == null ? ServiceNetworking.NONE : networking;
    storage = storage == null ? ServiceStorage.NONE : storage;
    resources = resources == null ? ServiceResources.NONE : resources;
    security = security == null ? ServiceSecurity.NONE : security;
    lifecycle = lifecycle == null ? ServiceLifecycle.NONE : lifecycle;
  }

  public static Builder builder(String name) {
    return new Builder().name(name);
  }

  public Builder toBuilder() {
    return new Builder()
        .name(name)
        .image(image)
        .pullPolicy(pullPolicy)
        .platform(platform)
        .build(build)
        .containerName(containerName)
        .labels(labels)
        .profiles(profiles)
        .process(process)
        .networking(networking)
        .storage(storage)
        .resources(resources)
        .security(security)
        .healthcheck(healthcheck)
        .lifecycle(lifecycle)
        .logging(logging)
        .develop(develop)
        .configHash(configHash);
  }

  /**
   * Fills a {@link Service}; groups start empty, as the loader leaves a service that sets nothing.
   */
  public static final class Builder {
    private String name;
    private String image;
    private String pullPolicy;
    private String platform;
    private BuildConfig build;
    private String containerName;
    private Map<String, String> labels;
    private List<String> profiles;
    private ServiceProcess process;
    private ServiceNetworking networking;
    private ServiceStorage storage;
    private ServiceResources resources;
    private ServiceSecurity security;
    private HealthCheck healthcheck;
    private ServiceLifecycle lifecycle;
    private LoggingConfig logging;
    private DevelopConfig develop;
    private String configHash;

    public Builder name(String v) {
      name = v;
      return this;
    }

    public Builder image(String v) {
      image = v;
      return this;
    }

    public Builder pullPolicy(String v) {
      pullPolicy = v;
      return this;
    }

    public Builder platform(String v) {
      platform = v;
      return this;
    }

    public Builder build(BuildConfig v) {
      build = v;
      return this;
    }

    public Builder containerName(String v) {
      containerName = v;
      return this;
    }

    public Builder labels(Map<String, String> v) {
      labels = v;
      return this;
    }

    public Builder profiles(List<String> v) {
      profiles = v;
      return this;
    }

    public Builder process(ServiceProcess v) {
      process = v;
      return this;
    }

    public Builder networking(ServiceNetworking v) {
      networking = v;
      return this;
    }

    public Builder storage(ServiceStorage v) {
      storage = v;
      return this;
    }

    public Builder resources(ServiceResources v) {
      resources = v;
      return this;
    }

    public Builder security(ServiceSecurity v) {
      security = v;
      return this;
    }

    public Builder healthcheck(HealthCheck v) {
      healthcheck = v;
      return this;
    }

    public Builder lifecycle(ServiceLifecycle v) {
      lifecycle = v;
      return this;
    }

    public Builder logging(LoggingConfig v) {
      logging = v;
      return this;
    }

    public Builder develop(DevelopConfig v) {
      develop = v;
      return this;
    }

    public Builder configHash(String v) {
      configHash = v;
      return this;
    }

    public Service build() {
      return new Service(
          name,
          image,
          pullPolicy,
          platform,
          build,
          containerName,
          labels,
          profiles,
          process,
          networking,
          storage,
          resources,
          security,
          healthcheck,
          lifecycle,
          logging,
          develop,
          configHash);
    }
  }
}
