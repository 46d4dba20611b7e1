package dev.jcompose.convert.kube;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A real kube-apiserver over its own etcd, on 127.0.0.1 only, for one test run: own ports, a
 * temporary directory for etcd's data, the server's self-signed serving certificate, a bearer token
 * of the test's own making (a member of system:masters, authorized by RBAC) and a service-account
 * signing key. No controller runs, so nothing is ever scheduled: objects are only judged, with
 * server-side dry-run ({@code dryRun=All}) and strict field validation, so the server's own
 * decoding, defaulting, validation and admission decide. {@link #close} stops both processes
 * (SIGTERM, then SIGKILL after 15 s) and deletes the directory; a shutdown hook does the same if
 * the JVM exits first.
 */
public final class KubeApiServer implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final String NAMESPACE = "default";

  private final Path dir;
  private final String token;
  private final List<Process> processes = new ArrayList<>();
  private final Thread hook = new Thread(this::stopAll, "kube-apiserver-stop");
  private URI base;
  private HttpClient http;

  private KubeApiServer(Path dir) {
    this.dir = dir;
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    this.token = HexFormat.of().formatHex(random);
  }

  /** Starts etcd and kube-apiserver and waits until the server answers /readyz. */
  public static KubeApiServer start(Peers peers) throws IOException, InterruptedException {
    KubeApiServer s = new KubeApiServer(Files.createTempDirectory("jcompose-kube-"));
    Runtime.getRuntime().addShutdownHook(s.hook);
    try {
      s.launch(peers);
      return s;
    } catch (IOException | InterruptedException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  private void launch(Peers peers) throws IOException, InterruptedException {
    int etcdClient = freePort();
    int etcdPeer = freePort();
    int secure = freePort();
    spawn(
        "etcd",
        List.of(
            peers.etcd().toString(),
            "--name=jc",
            "--data-dir=" + dir.resolve("etcd"),
            "--listen-client-urls=http://127.0.0.1:" + etcdClient,
            "--advertise-client-urls=http://127.0.0.1:" + etcdClient,
            "--listen-peer-urls=http://127.0.0.1:" + etcdPeer,
            "--initial-advertise-peer-urls=http://127.0.0.1:" + etcdPeer,
            "--initial-cluster=jc=http://127.0.0.1:" + etcdPeer,
            "--unsafe-no-fsync=true",
            "--log-level=warn"));
    Files.writeString(
        dir.resolve("tokens.csv"), token + ",jcompose-test,jcompose-test,\"system:masters\"\n");
    writeSigningKey(dir.resolve("sa.key"));
    spawn(
        "kube-apiserver",
        List.of(
            peers.kubeApiServer().toString(),
            "--etcd-servers=http://127.0.0.1:" + etcdClient,
            "--bind-address=127.0.0.1",
            "--advertise-address=127.0.0.1",
            "--secure-port=" + secure,
            "--cert-dir=" + dir.resolve("certs"),
            "--token-auth-file=" + dir.resolve("tokens.csv"),
            "--authorization-mode=RBAC",
            "--service-account-issuer=https://kubernetes.default.svc",
            "--service-account-key-file=" + dir.resolve("sa.key"),
            "--service-account-signing-key-file=" + dir.resolve("sa.key"),
            "--service-cluster-ip-range=10.96.0.0/16",
            "--allow-privileged=true",
            // the "kubernetes" Service's endpoints would point at a loopback address, which the
            // reconciler refuses
            "--endpoint-reconciler-type=none",
            "--profiling=false",
            "--v=0"));
    base = URI.create("https://127.0.0.1:" + secure);
    awaitReady();
    createDefaultServiceAccount();
  }

  /**
   * The namespace's "default" ServiceAccount, which the controller manager (not run here) creates
   * in a real cluster and the ServiceAccount admission plugin requires of every Pod.
   */
  private void createDefaultServiceAccount() throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            request("/api/v1/namespaces/" + NAMESPACE + "/serviceaccounts")
                .header("Content-Type", "application/yaml")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default}\n"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201 && r.statusCode() != 409) {
      throw new IllegalStateException(
          "cannot create the default ServiceAccount: " + r.statusCode() + " " + r.body());
    }
  }

  /** Dry-runs the creation of the object in {@code yaml} (one document) in namespace "default". */
  public Verdict dryRun(String yaml) throws IOException, InterruptedException {
    Map<?, ?> doc = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
    String apiVersion = String.valueOf(doc.get("apiVersion"));
    String kind = String.valueOf(doc.get("kind"));
    Object meta = doc.get("metadata");
    String name = kind + "/" + (meta instanceof Map<?, ?> m ? m.get("name") : "?");
    HttpRequest request =
        request(
                Resources.collection(apiVersion, kind, NAMESPACE)
                    + "?dryRun=All&fieldValidation=Strict")
            .header("Content-Type", "application/yaml")
            .POST(HttpRequest.BodyPublishers.ofString(yaml, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    String message = r.statusCode() / 100 == 2 ? "" : statusMessage(r.body());
    return new Verdict(name, r.statusCode(), message, r.headers().allValues("Warning"));
  }

  private static String statusMessage(String body) {
    Object status = new Load(LoadSettings.builder().build()).loadFromString(body);
    return status instanceof Map<?, ?> m && m.get("message") != null
        ? String.valueOf(m.get("message"))
        : body;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(REQUEST_TIMEOUT)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    Path cert = dir.resolve("certs").resolve("apiserver.crt");
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      for (Process p : processes) {
        if (!p.isAlive()) {
          throw new IllegalStateException(
              p.info().command().orElse("?") + " exited with " + p.exitValue() + logs());
        }
      }
      if (http == null && Files.isRegularFile(cert)) {
        http =
            HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .sslContext(trusting(cert))
                .build();
      }
      if (http != null) {
        try {
          HttpResponse<String> r =
              http.send(request("/readyz").GET().build(), HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 200) {
            return;
          }
          last = r.statusCode() + " " + r.body();
        } catch (IOException e) {
          last = e.toString();
        }
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "kube-apiserver not ready within " + READY_TIMEOUT.toSeconds() + " s: " + last + logs());
  }

  /** Trusts the certificates the server generated for itself (serving certificate and its CA). */
  private static SSLContext trusting(Path pem) throws IOException {
    try (InputStream in = Files.newInputStream(pem)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("apiserver-" + i++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException("cannot trust " + pem + ": " + e.getMessage(), e);
    }
  }

  private static void writeSigningKey(Path file) throws IOException {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      String b64 =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(g.generateKeyPair().getPrivate().getEncoded());
      Files.writeString(
          file, "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void spawn(String name, List<String> command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve(name + ".log").toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    processes.add(pb.start());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private String logs() {
    StringBuilder b = new StringBuilder();
    for (String name : List.of("etcd", "kube-apiserver")) {
      Path log = dir.resolve(name + ".log");
      try {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        b.append("\n--- ")
            .append(name)
            .append(" (last lines) ---\n")
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
      } catch (IOException e) {
        b.append("\n(").append(log).append(": ").append(e.getMessage()).append(')');
      }
    }
    return b.toString();
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook runs (or ran) stopAll
    }
  }

  /** API server first (it writes to etcd while stopping), then etcd; then the directory. */
  private synchronized void stopAll() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.destroy();
      try {
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    processes.clear();
    deleteTree(dir);
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a temp directory left behind is reported by nothing and harms nothing
    }
  }
}
