package dev.jcompose.runtime.image.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jcompose.runtime.image.content.Digest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal OCI distribution server on 127.0.0.1 (JDK HttpServer) serving images built in memory.
 * Can demand bearer tokens, and can serve wrong bytes for a blob to test verification.
 */
public final class FakeRegistry implements AutoCloseable {
  private static final String TOKEN = "test-token";
  private final HttpServer server;
  private final Map<String, byte[]> content = new ConcurrentHashMap<>();
  private final Map<String, String> types = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final Set<String> stalled = ConcurrentHashMap.newKeySet();
  private final Set<String> streamed = ConcurrentHashMap.newKeySet();
  private volatile boolean requireToken;
  private volatile long tokenPadding;

  public FakeRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", this::handle);
    // handlers on their own threads: a stalled blob must not block the other requests
    server.setExecutor(
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "fake-registry");
              t.setDaemon(true);
              return t;
            }));
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public String authority() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  public void requireToken() {
    requireToken = true;
  }

  /**
   * The token endpoint answers with {@code bytes} of padding before the token (a hostile realm).
   */
  public void padTokenResponse(long bytes) {
    tokenPadding = bytes;
  }

  public int hits(String path) {
    return hits.getOrDefault(path, new AtomicInteger()).get();
  }

  /**
   * Publishes a single-platform image; returns the manifest digest. Layers are uncompressed tars.
   */
  public String addImage(String repo, String tag, List<byte[]> layerTars, String configExtra) {
    List<String> diffIds = new ArrayList<>();
    StringBuilder layers = new StringBuilder();
    for (byte[] tar : layerTars) {
      diffIds.add("\"" + Digest.of(tar) + "\"");
      byte[] gz = TarBuilder.gzip(tar);
      blob(repo, gz);
      layers
          .append(layers.length() == 0 ? "" : ",")
          .append(descriptor("application/vnd.oci.image.layer.v1.tar+gzip", gz));
    }
    byte[] config =
        ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{"
                + configExtra
                + "},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":["
                + String.join(",", diffIds)
                + "]}}")
            .getBytes(StandardCharsets.UTF_8);
    blob(repo, config);
    byte[] manifest =
        ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":"
                + descriptor("application/vnd.oci.image.config.v1+json", config)
                + ",\"layers\":["
                + layers
                + "]}")
            .getBytes(StandardCharsets.UTF_8);
    return manifest(repo, tag, manifest, "application/vnd.oci.image.manifest.v1+json");
  }

  /** Wraps an existing manifest in an index with an arm64 decoy; returns the index digest. */
  public String addIndex(String repo, String tag, String amd64ManifestDigest) {
    byte[] manifest = content.get("/v2/" + repo + "/manifests/" + amd64ManifestDigest);
    String entry =
        "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"%s\",\"size\":%d,\"platform\":{\"os\":\"linux\",\"architecture\":\"%s\"}}";
    byte[] index =
        ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
                + entry.formatted("sha256:" + "9".repeat(64), 10, "arm64")
                + ","
                + entry.formatted(amd64ManifestDigest, manifest.length, "amd64")
                + "]}")
            .getBytes(StandardCharsets.UTF_8);
    return manifest(repo, tag, index, "application/vnd.oci.image.index.v1+json");
  }

  /** Serves {@code wrong} for {@code digest}'s URL from now on. */
  public void corruptBlob(String repo, String digest, byte[] wrong) {
    content.put("/v2/" + repo + "/blobs/" + digest, wrong);
  }

  /**
   * Serves {@code body} for a manifest reference from now on; streamed (chunked, no length) if
   * asked.
   */
  public void serveManifest(String repo, String reference, byte[] body, boolean streamed) {
    String path = "/v2/" + repo + "/manifests/" + reference;
    content.put(path, body);
    types.put(path, "application/vnd.oci.image.manifest.v1+json");
    if (streamed) {
      this.streamed.add(path);
    }
  }

  /** Serves {@code digest}'s body followed by {@code extra} bytes more than the manifest says. */
  public void lengthenBlob(String repo, String digest, int extra) {
    String path = "/v2/" + repo + "/blobs/" + digest;
    byte[] body = content.get(path);
    content.put(path, java.util.Arrays.copyOf(body, body.length + extra));
  }

  /**
   * Serves only the first {@code bytes} of {@code digest}'s body (a complete, shorter response).
   */
  public void truncateBlob(String repo, String digest, int bytes) {
    String path = "/v2/" + repo + "/blobs/" + digest;
    content.put(path, java.util.Arrays.copyOf(content.get(path), bytes));
  }

  /** Sends the headers and half of {@code digest}'s body, then goes silent (until close). */
  public void stallBlob(String repo, String digest) {
    stalled.add("/v2/" + repo + "/blobs/" + digest);
  }

  private String manifest(String repo, String tag, byte[] body, String type) {
    String digest = Digest.of(body).toString();
    for (String ref : List.of(tag, digest)) {
      content.put("/v2/" + repo + "/manifests/" + ref, body);
      types.put("/v2/" + repo + "/manifests/" + ref, type);
    }
    return digest;
  }

  private void blob(String repo, byte[] body) {
    content.put("/v2/" + repo + "/blobs/" + Digest.of(body), body);
  }

  private static String descriptor(String type, byte[] body) {
    return "{\"mediaType\":\""
        + type
        + "\",\"digest\":\""
        + Digest.of(body)
        + "\",\"size\":"
        + body.length
        + "}";
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    if (path.equals("/token")) {
      if (tokenPadding > 0) {
        padded(exchange, tokenPadding);
      } else {
        send(
            exchange,
            200,
            ("{\"token\":\"" + TOKEN + "\"}").getBytes(StandardCharsets.UTF_8),
            "application/json");
      }
      return;
    }
    if (requireToken
        && !("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      exchange
          .getResponseHeaders()
          .add("WWW-Authenticate", "Bearer realm=\"" + uri() + "/token\",service=\"fake\"");
      send(
          exchange,
          401,
          "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}"
              .getBytes(StandardCharsets.UTF_8),
          "application/json");
      return;
    }
    byte[] body = content.get(path);
    if (body == null) {
      send(
          exchange,
          404,
          "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}"
              .getBytes(StandardCharsets.UTF_8),
          "application/json");
      return;
    }
    if (stalled.contains(path)) {
      stall(exchange, body);
      return;
    }
    if (streamed.contains(path)) {
      stream(exchange, body, types.getOrDefault(path, "application/octet-stream"));
      return;
    }
    send(exchange, 200, body, types.getOrDefault(path, "application/octet-stream"));
  }

  private static void stream(HttpExchange exchange, byte[] body, String type) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(200, 0); // chunked: the client learns the size only by reading
    try (OutputStream out = exchange.getResponseBody()) {
      for (int off = 0; off < body.length; off += 65536) {
        out.write(body, off, Math.min(65536, body.length - off));
      }
    } catch (IOException e) {
      // the client hung up once it had read enough: that is the point
    }
  }

  private static void stall(HttpExchange exchange, byte[] body) throws IOException {
    exchange.sendResponseHeaders(200, body.length);
    OutputStream out = exchange.getResponseBody();
    out.write(body, 0, body.length / 2);
    out.flush();
    try {
      Thread.sleep(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exchange.close();
  }

  /** {"pad":"xxxx…","token":…}, streamed without a length; stops when the client hangs up. */
  private static void padded(HttpExchange exchange, long padding) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0);
    byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write("{\"pad\":\"".getBytes(StandardCharsets.US_ASCII));
      for (long sent = 0; sent < padding; sent += chunk.length) {
        out.write(chunk);
      }
      out.write(("\",\"token\":\"" + TOKEN + "\"}").getBytes(StandardCharsets.US_ASCII));
    } catch (IOException clientGone) {
      // the client stopped reading: what a bounded reader does
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body, String type)
      throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    } catch (IOException e) {
      // the client hung up early (a refused oversized body)
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
