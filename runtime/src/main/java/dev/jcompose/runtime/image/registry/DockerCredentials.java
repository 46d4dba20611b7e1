package dev.jcompose.runtime.image.registry;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonException;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Basic credentials from a docker CLI {@code config.json} ({@code auths.<registry>.auth} = base64
 * "user:password", or {@code username}/{@code password}). Credential helpers are not supported.
 * Keys are normalised to {@code host[:port]}; Docker Hub's legacy key maps to docker.io.
 */
public final class DockerCredentials {
  private static final String HUB_LEGACY_HOST = "index.docker.io";
  private final Map<String, String> basicByHost;

  private DockerCredentials(Map<String, String> basicByHost) {
    this.basicByHost = basicByHost;
  }

  public static DockerCredentials none() {
    return new DockerCredentials(Map.of());
  }

  /** Reads {@code file}; a missing file means no credentials. */
  public static DockerCredentials load(Path file) {
    if (file == null || !Files.isRegularFile(file)) {
      return none();
    }
    try {
      JsonNode auths = Json.parse(file).path("auths");
      Map<String, String> map = new HashMap<>();
      for (Map.Entry<String, JsonNode> e : auths.properties()) {
        basic(e.getValue()).ifPresent(b -> map.put(normaliseHost(e.getKey()), b));
      }
      return new DockerCredentials(Map.copyOf(map));
    } catch (IOException | JsonException e) {
      throw new ContainerException(
          Kind.INVALID, "cannot read docker credentials " + file + ": " + e.getMessage(), e);
    }
  }

  private static Optional<String> basic(JsonNode entry) {
    String auth = entry.path("auth").asText("");
    if (!auth.isEmpty()) {
      return Optional.of(auth);
    }
    String user = entry.path("username").asText("");
    if (user.isEmpty()) {
      return Optional.empty();
    }
    String pair = user + ":" + entry.path("password").asText("");
    return Optional.of(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
  }

  static String normaliseHost(String key) {
    String host = key.replaceFirst("^[a-zA-Z]+://", "");
    int slash = host.indexOf('/');
    host = slash >= 0 ? host.substring(0, slash) : host;
    return host.equals(HUB_LEGACY_HOST) ? "docker.io" : host;
  }

  /** The base64 "user:password" for {@code host} ({@code host[:port]} or {@code docker.io}). */
  public Optional<String> basicFor(String host) {
    return Optional.ofNullable(basicByHost.get(normaliseHost(host)));
  }
}
