package dev.jcompose.runtime.image.registry;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.image.content.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.time.Duration;

/**
 * Pull side of the OCI distribution spec for one repository on one registry endpoint: manifests by
 * tag or digest and blobs by digest. Authentication is negotiated on the first 401 ({@link
 * Authenticator}); redirects (blob storage) are followed by hand so the registry's token is never
 * sent to another host. Thread-safe: blobs of one image download in parallel.
 */
public final class RegistryClient {
  /** docker's cap on a manifest or index body (distribution's maxManifestBodySize). */
  public static final int MAX_MANIFEST_BYTES = 4 << 20;

  private static final int MAX_REDIRECTS = 5;
  private final HttpClient http;
  private final URI base;
  private final String repository;
  private final Duration timeout;
  private final Authenticator auth;

  /**
   * @param base endpoint root such as {@code http://127.0.0.1:5000}
   * @param repository path such as {@code library/busybox}
   * @param basicAuth base64 "user:password" or null for anonymous
   */
  public RegistryClient(
      HttpClient http, URI base, String repository, String basicAuth, Duration timeout) {
    this.http = http;
    this.base = base;
    this.repository = repository;
    this.timeout = timeout;
    this.auth = new Authenticator(http, repository, basicAuth, timeout);
  }

  /** A manifest or index as served; the body is not copied, callers only read it. */
  public static final class Fetched {
    private final byte[] body;
    private final String mediaType;

    Fetched(byte[] body, String mediaType) {
      this.body = body;
      this.mediaType = mediaType;
    }

    public byte[] body() {
      return body;
    }

    public String mediaType() {
      return mediaType;
    }
  }

  /**
   * GET /v2/&lt;name&gt;/manifests/&lt;reference&gt;; NOT_FOUND when the registry lacks it, INVALID
   * when the body is over {@link #MAX_MANIFEST_BYTES} (announced or streamed: the connection is
   * dropped there, never read to its end).
   */
  public Fetched manifest(String reference) {
    URI uri = base.resolve("/v2/" + repository + "/manifests/" + reference);
    HttpResponse<InputStream> response =
        send(
            uri, String.join(", ", MediaTypes.ACCEPTED), HttpResponse.BodyHandlers.ofInputStream());
    byte[] body =
        readAtMost(
            response, MAX_MANIFEST_BYTES, "manifest " + reference + " from " + uri.getAuthority());
    String type = response.headers().firstValue("Content-Type").orElse("").split(";", -1)[0].trim();
    if (type.isEmpty() || type.equals("application/json")) {
      type = ImageManifest.readTree(body).path("mediaType").asText("");
    }
    return new Fetched(body, type);
  }

  /**
   * The whole body if it has at most {@code limit} bytes; INVALID naming {@code what} otherwise.
   */
  public static byte[] readAtMost(HttpResponse<InputStream> response, long limit, String what) {
    long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    try (InputStream in = response.body()) {
      byte[] body = announced > limit ? new byte[0] : in.readNBytes((int) limit + 1);
      if (announced > limit || body.length > limit) {
        throw new ContainerException(
            Kind.INVALID, what + " is larger than " + limit + " bytes: refused");
      }
      return body;
    } catch (IOException e) {
      throw new ContainerException(Kind.UNAVAILABLE, "cannot read " + what + ": " + describe(e), e);
    }
  }

  /** GET /v2/&lt;name&gt;/blobs/&lt;digest&gt; as a stream the caller closes. */
  public InputStream blob(Digest digest) {
    URI uri = base.resolve("/v2/" + repository + "/blobs/" + digest);
    return send(uri, "*/*", HttpResponse.BodyHandlers.ofInputStream()).body();
  }

  private <T> HttpResponse<T> send(URI uri, String accept, BodyHandler<T> handler) {
    HttpResponse<T> response = exchange(uri, accept, handler, true);
    if (response.statusCode() == 401
        && auth.negotiate(response.headers().firstValue("WWW-Authenticate").orElse(null))) {
      discard(response);
      response = exchange(uri, accept, handler, true);
    }
    for (int hops = 0; isRedirect(response.statusCode()) && hops < MAX_REDIRECTS; hops++) {
      discard(response);
      URI next = uri.resolve(response.headers().firstValue("Location").orElseThrow());
      response = exchange(next, accept, handler, false);
    }
    if (response.statusCode() / 100 != 2) {
      throw RegistryErrors.of(uri, response);
    }
    return response;
  }

  private <T> HttpResponse<T> exchange(
      URI uri, String accept, BodyHandler<T> handler, boolean withAuth) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept).GET();
    if (withAuth) {
      auth.header().ifPresent(h -> request.header("Authorization", h));
    }
    try {
      return http.send(request.build(), handler);
    } catch (IOException e) {
      throw new ContainerException(
          Kind.UNAVAILABLE,
          "cannot reach " + uri.getScheme() + "://" + uri.getAuthority() + ": " + describe(e),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContainerException(
          Kind.UNAVAILABLE, "interrupted while talking to " + uri.getAuthority(), e);
    }
  }

  /**
   * The innermost cause that says something, e.g. "UnresolvedAddressException" or
   * "ConnectException: Connection refused".
   */
  static String describe(IOException e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() != null ? ": " + t.getMessage() : "");
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  static void discard(HttpResponse<?> response) {
    if (response.body() instanceof InputStream in) {
      try {
        in.close();
      } catch (IOException e) {
        // the connection is dropped; nothing else to do
      }
    }
  }
}
