package dev.jcompose.junit;

import java.net.URI;

/** Where a container port of a running service is published on this host. */
public record ServiceEndpoint(String service, int containerPort, String host, int port) {

  /** {@code scheme://host:port} plus {@code path}, e.g. {@code uri("http", "/healthz")}. */
  public URI uri(String scheme, String path) {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return URI.create(scheme + "://" + h + ":" + port + (path.startsWith("/") ? path : "/" + path));
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
