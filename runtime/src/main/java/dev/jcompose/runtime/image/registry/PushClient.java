package dev.jcompose.runtime.image.registry;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.image.content.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Push side of the OCI distribution spec for one repository: blob existence checks (HEAD),
 * cross-repository mounts, uploads (one PUT for small blobs, PATCH chunks then PUT for large ones,
 * following the registry's {@code Location} each time) and manifests. Asks for a token with pull
 * and push on the repository (and pull on the mount sources) on the first 401.
 */
public final class PushClient {
  static final long MONOLITHIC_MAX = 32L << 20;
  static final int CHUNK = 16 << 20;
  private static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(10);
  private final HttpClient http;
  private final URI base;
  private final String repository;
  private final Duration timeout;
  private final Authenticator auth;

  /**
   * @param mountSources repositories of the same registry blobs may be mounted from
   */
  public PushClient(
      HttpClient http,
      URI base,
      String repository,
      String basicAuth,
      Duration timeout,
      List<String> mountSources) {
    this.http = http;
    this.base = base;
    this.repository = repository;
    this.timeout = timeout;
    List<String> scopes = new ArrayList<>(List.of("repository:" + repository + ":pull,push"));
    mountSources.forEach(r -> scopes.add("repository:" + r + ":pull"));
    this.auth = new Authenticator(http, repository, basicAuth, timeout, scopes);
  }

  /** HEAD the blob: true if the repository has it already. */
  public boolean hasBlob(Digest digest) {
    HttpResponse<Void> r =
        send("HEAD", blobs(digest.toString()), HttpRequest.BodyPublishers.noBody(), null);
    if (r.statusCode() == 200) {
      return true;
    }
    if (r.statusCode() == 404) {
      return false;
    }
    throw RegistryErrors.of("HEAD", blobs(digest.toString()), r);
  }

  /**
   * Mounts the blob from another repository of the registry; false when the registry would rather
   * have it uploaded.
   */
  public boolean mount(Digest digest, String from) {
    URI uri =
        base.resolve(
            "/v2/"
                + repository
                + "/blobs/uploads/?mount="
                + encode(digest.toString())
                + "&from="
                + encode(from));
    HttpResponse<Void> r = send("POST", uri, HttpRequest.BodyPublishers.noBody(), null);
    if (r.statusCode() == 201) {
      return true;
    }
    if (r.statusCode() == 202) {
      cancel(location(uri, r)); // an upload session we will not use
      return false;
    }
    throw RegistryErrors.of("POST", uri, r);
  }

  /** Uploads a blob from {@code file}, reporting bytes sent. */
  public void upload(Digest digest, Path file, LongConsumer sent) {
    URI start = base.resolve("/v2/" + repository + "/blobs/uploads/");
    HttpResponse<Void> r = send("POST", start, HttpRequest.BodyPublishers.noBody(), null);
    if (r.statusCode() != 202) {
      throw RegistryErrors.of("POST", start, r);
    }
    URI location = location(start, r);
    try {
      long size = Files.size(file);
      if (size > MONOLITHIC_MAX) {
        location = chunks(location, file, size, sent);
        finish(location, digest, HttpRequest.BodyPublishers.noBody());
      } else {
        finish(location, digest, HttpRequest.BodyPublishers.ofFile(file));
      }
      sent.accept(size);
    } catch (IOException e) {
      throw new ContainerException(
          Kind.INTERNAL, "cannot read blob " + digest + " for upload: " + e.getMessage(), e);
    }
  }

  private URI chunks(URI location, Path file, long size, LongConsumer sent) throws IOException {
    byte[] buf = new byte[CHUNK];
    try (InputStream in = Files.newInputStream(file)) {
      long offset = 0;
      while (offset < size) {
        int n = in.readNBytes(buf, 0, (int) Math.min(CHUNK, size - offset));
        byte[] chunk = n == buf.length ? buf : java.util.Arrays.copyOf(buf, n);
        HttpResponse<Void> r =
            send(
                "PATCH",
                location,
                HttpRequest.BodyPublishers.ofByteArray(chunk),
                new String[] {
                  "Content-Range",
                  offset + "-" + (offset + n - 1),
                  "Content-Type",
                  "application/octet-stream"
                });
        if (r.statusCode() != 202) {
          throw RegistryErrors.of("PATCH", location, r);
        }
        location = location(location, r);
        offset += n;
        sent.accept(offset);
      }
    }
    return location;
  }

  private void finish(URI location, Digest digest, BodyPublisher body) {
    String sep = location.getRawQuery() == null ? "?" : "&";
    URI uri = URI.create(location + sep + "digest=" + encode(digest.toString()));
    HttpResponse<Void> r =
        send("PUT", uri, body, new String[] {"Content-Type", "application/octet-stream"});
    if (r.statusCode() != 201 && r.statusCode() != 204) {
      throw RegistryErrors.of("PUT", uri, r);
    }
  }

  /** PUT the manifest under a tag (or digest). */
  public void putManifest(String reference, String mediaType, byte[] manifest) {
    URI uri = base.resolve("/v2/" + repository + "/manifests/" + reference);
    HttpResponse<Void> r =
        send(
            "PUT",
            uri,
            HttpRequest.BodyPublishers.ofByteArray(manifest),
            new String[] {"Content-Type", mediaType});
    if (r.statusCode() != 201 && r.statusCode() != 200 && r.statusCode() != 204) {
      throw RegistryErrors.of("PUT", uri, r);
    }
  }

  private void cancel(URI location) {
    try {
      send("DELETE", location, HttpRequest.BodyPublishers.noBody(), null);
    } catch (ContainerException e) {
      // the registry expires abandoned sessions itself
    }
  }

  private URI blobs(String digest) {
    return base.resolve("/v2/" + repository + "/blobs/" + digest);
  }

  private static URI location(URI request, HttpResponse<?> r) {
    String loc =
        r.headers()
            .firstValue("Location")
            .orElseThrow(
                () ->
                    new ContainerException(
                        Kind.UNAVAILABLE, request + ": the registry gave no upload location"));
    return request.resolve(loc);
  }

  private HttpResponse<Void> send(String method, URI uri, BodyPublisher body, String[] headers) {
    HttpResponse<Void> r = exchange(method, uri, body, headers);
    if (r.statusCode() == 401
        && auth.negotiate(r.headers().firstValue("WWW-Authenticate").orElse(null))) {
      r = exchange(method, uri, body, headers);
    }
    return r;
  }

  private HttpResponse<Void> exchange(
      String method, URI uri, BodyPublisher body, String[] headers) {
    // a request carrying a blob may take long on a slow link; the others are quick
    Duration limit = body.contentLength() > 0 ? TRANSFER_TIMEOUT : timeout;
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(limit).method(method, body);
    if (headers != null) {
      for (int i = 0; i < headers.length; i += 2) {
        b.header(headers[i], headers[i + 1]);
      }
    }
    auth.header().ifPresent(h -> b.header("Authorization", h));
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new ContainerException(
          Kind.UNAVAILABLE,
          "cannot reach "
              + uri.getScheme()
              + "://"
              + uri.getAuthority()
              + ": "
              + RegistryClient.describe(e),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContainerException(
          Kind.UNAVAILABLE, "interrupted while pushing to " + uri.getAuthority(), e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
