package dev.jcompose.runtime.image.registry;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonException;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Registry auth per the distribution token spec: on a {@code Bearer} challenge fetch a pull token
 * from the realm (anonymously, or with Basic credentials when configured); on a {@code Basic}
 * challenge send the credentials directly. Holds the current header value.
 */
final class Authenticator {
  /**
   * A token response is a few KiB (Docker Hub's JWTs are 1-4 KiB); a realm is named by the
   * registry's challenge, so a hostile registry chooses it and must not make us read without end.
   */
  static final int MAX_TOKEN_RESPONSE = 1 << 20;

  private final HttpClient http;
  private final String repository;
  private final String basicAuth;
  private final Duration timeout;
  private final java.util.List<String> scopes;
  private volatile String header;
  private volatile boolean negotiated;

  Authenticator(HttpClient http, String repository, String basicAuth, Duration timeout) {
    this(http, repository, basicAuth, timeout, null);
  }

  /**
   * @param scopes token scopes to ask for whatever the challenge says (a push needs {@code
   *     pull,push} on its repository and {@code pull} on the repositories it mounts from); null =
   *     the challenge's scope, else pull on the repository
   */
  Authenticator(
      HttpClient http,
      String repository,
      String basicAuth,
      Duration timeout,
      java.util.List<String> scopes) {
    this.http = http;
    this.repository = repository;
    this.basicAuth = basicAuth;
    this.timeout = timeout;
    this.scopes = scopes;
  }

  Optional<String> header() {
    return Optional.ofNullable(header);
  }

  /** Reacts to a 401; true if a retry may now succeed. Negotiates at most once per client. */
  synchronized boolean negotiate(String challengeHeader) {
    if (negotiated || challengeHeader == null) {
      return false;
    }
    negotiated = true;
    AuthChallenge challenge = AuthChallenge.parse(challengeHeader);
    if (challenge.scheme().equals("basic")) {
      header = basicAuth == null ? null : "Basic " + basicAuth;
      return basicAuth != null;
    }
    if (challenge.scheme().equals("bearer") && challenge.param("realm") != null) {
      header = "Bearer " + fetchToken(challenge);
      return true;
    }
    return false;
  }

  private String fetchToken(AuthChallenge challenge) {
    java.util.List<String> wanted =
        scopes != null
            ? scopes
            : java.util.List.of(
                challenge.params().getOrDefault("scope", "repository:" + repository + ":pull"));
    StringBuilder uri =
        new StringBuilder(challenge.param("realm"))
            .append(challenge.param("realm").contains("?") ? '&' : '?');
    if (challenge.param("service") != null) {
      uri.append("service=").append(encode(challenge.param("service")));
    }
    for (String scope : wanted) {
      uri.append("&scope=")
          .append(encode(scope)); // the token spec repeats scope for several resources
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(uri.toString())).timeout(timeout).GET();
    if (basicAuth != null) {
      request.header("Authorization", "Basic " + basicAuth);
    }
    try {
      HttpResponse<InputStream> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      byte[] body;
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          throw new ContainerException(
              Kind.PERMISSION,
              "token request to "
                  + challenge.param("realm")
                  + " failed with HTTP "
                  + response.statusCode());
        }
        body = in.readNBytes(MAX_TOKEN_RESPONSE + 1);
      }
      if (body.length > MAX_TOKEN_RESPONSE) {
        throw new ContainerException(
            Kind.PERMISSION,
            "token response from "
                + challenge.param("realm")
                + " is larger than "
                + MAX_TOKEN_RESPONSE
                + " bytes: refused");
      }
      JsonNode json;
      try {
        json = Json.parse(body);
      } catch (JsonException e) {
        throw new ContainerException(
            Kind.PERMISSION,
            "token endpoint " + challenge.param("realm") + " answered no JSON: " + e.getMessage(),
            e);
      }
      String token = json.path("token").asText(json.path("access_token").asText(""));
      if (token.isEmpty()) {
        throw new ContainerException(
            Kind.PERMISSION, "token endpoint " + challenge.param("realm") + " returned no token");
      }
      return token;
    } catch (IOException e) {
      throw new ContainerException(
          Kind.UNAVAILABLE,
          "cannot get a registry token from "
              + challenge.param("realm")
              + ": "
              + RegistryClient.describe(e),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContainerException(
          Kind.UNAVAILABLE, "interrupted while fetching a registry token", e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
