package dev.jcompose.runtime.image;

import dev.jcompose.common.lazy.Lazy;
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
final class RegistryHttp {
  private RegistryHttp() {}

  static Supplier<HttpClient> lazy(Duration connectTimeout) {
    return Lazy.of(
        () ->
            HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build());
  }
}
