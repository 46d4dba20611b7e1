package dev.jcompose.model.api;

import java.util.List;
import java.util.Map;

/**
 * A service's {@code build} section. {@code context} is absolute for a local directory (else a URL
 * or git reference as written); {@code dockerfile} defaults to "Dockerfile" unless {@code
 * dockerfileInline} is set; {@code args} without a value were resolved from the environment or
 * dropped, as compose does. {@code ssh} lists the agent sockets or keys asked for ({@code default},
 * {@code id=path}); jcompose's builder refuses them.
 */
public record BuildConfig(
    String context,
    String dockerfile,
    String dockerfileInline,
    Map<String, String> args,
    String target,
    Map<String, String> labels,
    List<String> cacheFrom,
    List<String> cacheTo,
    boolean noCache,
    boolean pull,
    String network,
    Map<String, String> additionalContexts,
    List<String> tags,
    List<String> platforms,
    List<ServiceNetworking.ExtraHost> extraHosts,
    Long shmSize,
    List<ServiceStorage.FileRef> secrets,
    List<String> ssh) {

  public BuildConfig {
    args = Copies.map(args);
    labels = Copies.map(labels);
    cacheFrom = Copies.list(cacheFrom);
    cacheTo = Copies.list(cacheTo);
    additionalContexts = Copies.map(additionalContexts);
    tags = Copies.list(tags);
    platforms = Copies.list(platforms);
    extraHosts = Copies.list(extraHosts);
    secrets = Copies.list(secrets);
    ssh = Copies.list(ssh);
  }

  /** A build of {@code context} with its Dockerfile and nothing else set. */
  public static BuildConfig of(String context) {
    return new BuildConfig(
        context,
        "Dockerfile",
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        false,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
