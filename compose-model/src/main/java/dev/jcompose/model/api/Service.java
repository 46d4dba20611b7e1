package dev.jcompose.model.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
 * @param hashedForm what the config hash digests: the service's canonical form as compact JSON with
 *     sorted keys, without the attributes that do not need a new container (build, pull_policy,
 *     scale, deploy.replicas, depends_on, profiles); written by the loader. The text, not its
 *     digest, is kept: read-only verbs never need the hash, and the JDK's digest providers cost ~20
 *     ms to start in a short-lived CLI (the engine, which compares hashes, digests it)
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
    String hashedForm) {

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
        .hashedForm(hashedForm);
  }

  /**
   * The config hash as docker compose labels containers with ({@code
   * com.docker.compose.config-hash}, compose pkg/compose/hash.go ServiceHash): SHA-256 of {@link
   * #hashedForm}, in hex; null when the service has no hashed form.
   */
  public String configHash() {
    if (hashedForm == null) {
      return null;
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(hashedForm.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
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
    private String hashedForm;

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

    public Builder hashedForm(String v) {
      hashedForm = v;
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
          hashedForm);
    }
  }
}
