package dev.jcompose.runtime.image;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonException;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How to reach registries: mirrors for Docker Hub, registries allowed over plain HTTP, where
 * docker-style credentials live, and the network bounds. Immutable.
 *
 * <p>Sources, later ones adding to earlier ones: the JSON file {@code /etc/jcompose/config.json}
 * (or {@code $JCOMPOSE_CONFIG}) with daemon.json's keys {@code registry-mirrors} and {@code
 * insecure-registries}; then env {@code JCOMPOSE_REGISTRY_MIRRORS} (comma list, tried first).
 * Credentials come from {@code $DOCKER_CONFIG/config.json} or {@code ~/.docker/config.json}.
 *
 * @param mirrors base URIs tried in order before Docker Hub itself for {@code docker.io} images
 * @param insecureRegistries {@code host[:port]} entries spoken to over plain HTTP
 * @param dockerConfig docker CLI config file with {@code auths}; may not exist
 * @param connectTimeout bound on every TCP/TLS connect
 * @param requestTimeout bound on waiting for response headers of every request
 * @param parallelDownloads how many layers download at once
 */
public record RegistryConfig(
    List<URI> mirrors,
    Set<String> insecureRegistries,
    Path dockerConfig,
    Duration connectTimeout,
    Duration requestTimeout,
    int parallelDownloads) {

  public static final Path DEFAULT_CONFIG_FILE = Path.of("/etc/jcompose/config.json");

  public RegistryConfig {
    mirrors = List.copyOf(mirrors);
    insecureRegistries = Set.copyOf(insecureRegistries);
  }

  /** Reads the config file and environment described above. */
  public static RegistryConfig load(Map<String, String> env) {
    List<URI> mirrors = new ArrayList<>();
    Set<String> insecure = new LinkedHashSet<>();
    for (String m : env.getOrDefault("JCOMPOSE_REGISTRY_MIRRORS", "").split(",", -1)) {
      if (!m.isBlank()) {
        mirrors.add(mirrorUri(m.trim(), "JCOMPOSE_REGISTRY_MIRRORS"));
      }
    }
    Path file =
        env.containsKey("JCOMPOSE_CONFIG")
            ? Path.of(env.get("JCOMPOSE_CONFIG"))
            : DEFAULT_CONFIG_FILE;
    if (Files.isRegularFile(file)) {
      JsonNode json = readJson(file);
      json.path("registry-mirrors")
          .forEach(n -> mirrors.add(mirrorUri(n.asText(), file.toString())));
      json.path("insecure-registries").forEach(n -> insecure.add(n.asText()));
    }
    return new RegistryConfig(
        mirrors, insecure, dockerConfigFile(env), Duration.ofSeconds(5), Duration.ofSeconds(30), 3);
  }

  /** A config with only mirrors, for tests and embedding. */
  public static RegistryConfig of(List<URI> mirrors, Path dockerConfig) {
    return new RegistryConfig(
        mirrors, Set.of(), dockerConfig, Duration.ofSeconds(5), Duration.ofSeconds(30), 3);
  }

  private static Path dockerConfigFile(Map<String, String> env) {
    if (env.containsKey("DOCKER_CONFIG")) {
      return Path.of(env.get("DOCKER_CONFIG"), "config.json");
    }
    return Path.of(
        env.getOrDefault("HOME", System.getProperty("user.home")), ".docker", "config.json");
  }

  private static JsonNode readJson(Path file) {
    try {
      return Json.parse(file);
    } catch (IOException | JsonException e) {
      throw new ContainerException(
          Kind.INVALID, "cannot read registry config " + file + ": " + e.getMessage(), e);
    }
  }

  private static URI mirrorUri(String text, String source) {
    String withScheme = text.contains("://") ? text : "https://" + text;
    try {
      URI uri =
          URI.create(
              withScheme.endsWith("/")
                  ? withScheme.substring(0, withScheme.length() - 1)
                  : withScheme);
      if (uri.getHost() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw new IllegalArgumentException("need http(s)://host[:port]");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ContainerException(
          Kind.INVALID,
          "bad registry mirror '" + text + "' in " + source + ": " + e.getMessage(),
          e);
    }
  }
}
