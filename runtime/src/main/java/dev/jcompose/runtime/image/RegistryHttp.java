package dev.jcompose.runtime.image;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The one HTTP client of an image store's pulls and pushes, built on first use. Building a JDK
 * {@link HttpClient} initialises the default TLS context (the JDK's trust store parsed, the TLS
 * stack's classes loaded) and starts its selector thread: ~20 MiB of a JVM's RSS, measured with the
 * engine's options on JDK 25. An engine that starts, runs and stops containers of images already in
 * the store (pulled by the CLI's own {@code pull}, or before a restart) never needs it.
 */
final class RegistryHttp implements Supplier<HttpClient> {
  private final Duration connectTimeout;
  private HttpClient client;

  RegistryHttp(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  @Override
  public synchronized HttpClient get() {
    if (client == null) {
      client =
          HttpClient.newBuilder()
              .connectTimeout(connectTimeout)
              .followRedirects(HttpClient.Redirect.NEVER)
              .version(HttpClient.Version.HTTP_1_1)
              .build();
    }
    return client;
  }
}
