package dev.jcompose.convert.kube;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The binaries scripts/k8s-peers.sh built: read from the env file it prints ({@code
 * JCOMPOSE_K8S_PEERS}, else {@code <cache>/k8s-peers/k8s-peers.env}).
 */
public record Peers(Path kubeApiServer, Path etcd, Path kompose) {

  public static Peers find() {
    Path file = envFile();
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "no Kubernetes peers at " + file + ": run scripts/k8s-peers.sh first");
    }
    Map<String, String> vars = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          vars.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
    return new Peers(
        path(vars, "KUBE_APISERVER"),
        path(vars, "ETCD"),
        vars.containsKey("KOMPOSE") ? path(vars, "KOMPOSE") : null);
  }

  static Path envFile() {
    String explicit = System.getenv("JCOMPOSE_K8S_PEERS");
    if (explicit != null && !explicit.isEmpty()) {
      return Path.of(explicit);
    }
    String cache = System.getenv().getOrDefault("JCOMPOSE_CACHE_DIR", "/var/cache/jcompose-test");
    return Path.of(cache, "k8s-peers", "k8s-peers.env");
  }

  private static Path path(Map<String, String> vars, String name) {
    String v = vars.get(name);
    if (v == null || !Files.isExecutable(Path.of(v))) {
      throw new IllegalStateException(
          name + " missing or not executable in " + envFile() + ": run scripts/k8s-peers.sh");
    }
    return Path.of(v);
  }
}
