package dev.jcompose.scheduler.api;

import java.util.List;
import java.util.Map;

/**
 * Flags of {@code up}. Build with {@link #builder()}; unset flags are docker compose's defaults.
 *
 * @param services empty = all
 * @param waitTimeoutSeconds null = no --wait-timeout
 * @param pull the pull policy for services that set none: always, missing, never
 * @param scale replica counts that override the services' own
 * @param timeoutSeconds stop timeout when recreating; null = each service's grace period
 * @param alwaysRecreateDeps recreate the containers of the dependencies of {@code services} too
 * @param renewAnonVolumes a recreated container gets new anonymous volumes, not its predecessor's
 *     ({@code -V})
 * @param buildPolicy when services with a build section are built: {@code missing} (their image is
 *     not present; docker compose's default), {@code always} ({@code --build}) or {@code never}
 *     ({@code --no-build})
 */
public record UpOptions(
    List<String> services,
    boolean detach,
    boolean forceRecreate,
    boolean noRecreate,
    boolean noDeps,
    boolean removeOrphans,
    boolean waitHealthy,
    Integer waitTimeoutSeconds,
    boolean dryRun,
    boolean noStart,
    String pull,
    Map<String, Integer> scale,
    Integer timeoutSeconds,
    boolean alwaysRecreateDeps,
    boolean renewAnonVolumes,
    String buildPolicy) {

  public UpOptions {
    buildPolicy = buildPolicy == null ? "missing" : buildPolicy;
    services = services == null ? List.of() : List.copyOf(services);
    scale = scale == null ? Map.of() : Map.copyOf(scale);
    pull = pull == null ? "missing" : pull;
  }

  public static UpOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Fills {@link UpOptions}: detached, pull missing, everything else off. */
  public static final class Builder {
    private List<String> services;
    private boolean detach = true;
    private boolean forceRecreate;
    private boolean noRecreate;
    private boolean noDeps;
    private boolean removeOrphans;
    private boolean waitHealthy;
    private Integer waitTimeoutSeconds;
    private boolean dryRun;
    private boolean noStart;
    private String pull;
    private Map<String, Integer> scale;
    private Integer timeoutSeconds;
    private boolean alwaysRecreateDeps;
    private boolean renewAnonVolumes;
    private String buildPolicy;

    public Builder services(List<String> v) {
      services = v;
      return this;
    }

    public Builder detach(boolean v) {
      detach = v;
      return this;
    }

    public Builder forceRecreate(boolean v) {
      forceRecreate = v;
      return this;
    }

    public Builder noRecreate(boolean v) {
      noRecreate = v;
      return this;
    }

    public Builder noDeps(boolean v) {
      noDeps = v;
      return this;
    }

    public Builder removeOrphans(boolean v) {
      removeOrphans = v;
      return this;
    }

    public Builder waitHealthy(boolean v) {
      waitHealthy = v;
      return this;
    }

    public Builder waitTimeoutSeconds(Integer v) {
      waitTimeoutSeconds = v;
      return this;
    }

    public Builder dryRun(boolean v) {
      dryRun = v;
      return this;
    }

    public Builder noStart(boolean v) {
      noStart = v;
      return this;
    }

    public Builder pull(String v) {
      pull = v;
      return this;
    }

    public Builder scale(Map<String, Integer> v) {
      scale = v;
      return this;
    }

    public Builder timeoutSeconds(Integer v) {
      timeoutSeconds = v;
      return this;
    }

    public Builder alwaysRecreateDeps(boolean v) {
      alwaysRecreateDeps = v;
      return this;
    }

    public Builder renewAnonVolumes(boolean v) {
      renewAnonVolumes = v;
      return this;
    }

    /** missing (default), always (--build) or never (--no-build). */
    public Builder buildPolicy(String v) {
      buildPolicy = v;
      return this;
    }

    public UpOptions build() {
      return new UpOptions(
          services,
          detach,
          forceRecreate,
          noRecreate,
          noDeps,
          removeOrphans,
          waitHealthy,
          waitTimeoutSeconds,
          dryRun,
          noStart,
          pull,
          scale,
          timeoutSeconds,
          alwaysRecreateDeps,
          renewAnonVolumes,
          buildPolicy);
    }
  }
}
