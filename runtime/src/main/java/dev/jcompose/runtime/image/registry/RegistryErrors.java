package dev.jcompose.runtime.image.registry;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonException;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Turns a failed registry response into a ContainerException naming the URL, status and the
 * registry's error code.
 */
final class RegistryErrors {
  private RegistryErrors() {}

  static ContainerException of(URI uri, HttpResponse<?> response) {
    return of("GET", uri, response);
  }

  static ContainerException of(String method, URI uri, HttpResponse<?> response) {
    int status = response.statusCode();
    String detail = registryError(body(response));
    Kind kind =
        switch (status) {
          case 404 -> Kind.NOT_FOUND;
          case 401, 403 -> Kind.PERMISSION;
          default -> Kind.UNAVAILABLE;
        };
    String what =
        status == 401 || status == 403 ? "access denied" : status == 404 ? "not found" : "failed";
    return new ContainerException(
        kind,
        method
            + " "
            + uri
            + " "
            + what
            + " (HTTP "
            + status
            + (detail.isEmpty() ? "" : ", " + detail)
            + ")");
  }

  private static byte[] body(HttpResponse<?> response) {
    Object body = response.body();
    if (body instanceof byte[] bytes) {
      return bytes;
    }
    if (body instanceof InputStream in) {
      try (in) {
        return in.readNBytes(8192);
      } catch (IOException e) {
        return new byte[0];
      }
    }
    return new byte[0];
  }

  // Distribution spec error body: {"errors":[{"code":"MANIFEST_UNKNOWN","message":"..."}]}
  private static String registryError(byte[] body) {
    try {
      JsonNode first = Json.parse(body).path("errors").path(0);
      return first.isMissingNode()
          ? ""
          : first.path("code").asText() + ": " + first.path("message").asText();
    } catch (JsonException e) {
      String text = new String(body, StandardCharsets.UTF_8).strip();
      return text.length() > 120 ? text.substring(0, 120) : text;
    }
  }
}
