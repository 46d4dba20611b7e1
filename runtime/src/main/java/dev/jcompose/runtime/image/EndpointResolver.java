package dev.jcompose.runtime.image;

import dev.jcompose.runtime.api.ImageReference;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides where to pull a reference from: Docker Hub images try the configured mirrors first, then
 * the Hub. Loopback registries (127.0.0.0/8, localhost, ::1) and registries listed as insecure are
 * spoken to over plain HTTP (docker does the same for loopback); everything else uses HTTPS with
 * the JDK's certificate verification.
 */
final class EndpointResolver {
  // Docker Hub's API endpoint: the name "docker.io" is only an alias for references.
  private static final String HUB_API = "https://registry-1.docker.io";
  private final RegistryConfig config;

  EndpointResolver(RegistryConfig config) {
    this.config = config;
  }

  List<RegistryEndpoint> endpoints(ImageReference ref) {
    List<RegistryEndpoint> endpoints = new ArrayList<>();
    if (ref.domain().equals(ImageReference.DOCKER_HUB)) {
      for (URI mirror : config.mirrors()) {
        endpoints.add(new RegistryEndpoint(mirror, mirror.getAuthority(), true));
      }
      endpoints.add(new RegistryEndpoint(URI.create(HUB_API), ImageReference.DOCKER_HUB, false));
    } else {
      String scheme = plainHttp(ref.domain()) ? "http" : "https";
      endpoints.add(
          new RegistryEndpoint(URI.create(scheme + "://" + ref.domain()), ref.domain(), false));
    }
    return endpoints;
  }

  boolean plainHttp(String domain) {
    return isLoopback(hostOf(domain))
        || config.insecureRegistries().contains(domain)
        || config.insecureRegistries().contains(hostOf(domain));
  }

  static String hostOf(String domain) {
    if (domain.startsWith("[")) {
      return domain.substring(1, domain.indexOf(']'));
    }
    int colon = domain.lastIndexOf(':');
    return colon >= 0 ? domain.substring(0, colon) : domain;
  }

  static boolean isLoopback(String host) {
    return host.equals("localhost")
        || host.equals("::1")
        || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }
}
