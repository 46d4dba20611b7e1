package dev.jcompose.convert.compare;

import dev.jcompose.model.api.RestartPolicy;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceLifecycle;
import dev.jcompose.model.api.SourceMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * Which compose attributes a tool's manifests keep: for each attribute a service writes, a check on
 * the manifests of that service (its workload's pod spec and the objects around it). The same
 * checks judge both tools; a check looks for the attribute's effect, not for a tool's style.
 */
final class AttributeProbes {
  /** The manifests of one service as a check sees them. */
  record Seen(
      Service service,
      String objectName,
      Manifests m,
      Map<String, Object> pod,
      Map<String, Object> container) {}

  static final Map<String, BiPredicate<Service, Seen>> PROBES = new LinkedHashMap<>();

  static {
    PROBES.put(
        "command/entrypoint",
        (s, v) -> v.container().containsKey("args") || v.container().containsKey("command"));
    PROBES.put("environment", (s, v) -> envKeys(v).containsAll(s.process().environment().keySet()));
    PROBES.put(
        "ports",
        (s, v) ->
            s.networking().ports().stream().allMatch(p -> servicePorts(v).contains(p.target())));
    PROBES.put(
        "volumes",
        (s, v) ->
            s.storage().volumes().stream().allMatch(mnt -> mountPaths(v).contains(mnt.target())));
    PROBES.put(
        "configs/secrets",
        (s, v) ->
            mountPaths(v).size() >= s.storage().configs().size() + s.storage().secrets().size()
                && !mountPaths(v).isEmpty());
    PROBES.put(
        "healthcheck",
        (s, v) ->
            v.container().containsKey("readinessProbe")
                || v.container().containsKey("livenessProbe"));
    PROBES.put(
        "depends_on (healthy/completed)",
        (s, v) -> !Manifests.list(v.pod().get("initContainers")).isEmpty());
    PROBES.put(
        "restart (one-shots)",
        (s, v) -> !"Always".equals(v.pod().getOrDefault("restartPolicy", "Always")));
    // a Deployment's replicas, or a Job's parallel pods
    PROBES.put(
        "replicas",
        (s, v) ->
            Integer.valueOf(s.lifecycle().scale())
                    .equals(Manifests.at(v.m().workload(v.objectName()), "spec").get("replicas"))
                || Integer.valueOf(s.lifecycle().scale())
                    .equals(
                        Manifests.at(v.m().workload(v.objectName()), "spec").get("parallelism")));
    PROBES.put("resources", (s, v) -> !Manifests.at(v.container(), "resources").isEmpty());
    PROBES.put(
        "user/capabilities/privileged/read_only",
        (s, v) -> !Manifests.at(v.container(), "securityContext").isEmpty());
    PROBES.put("labels", (s, v) -> podMetadataKeys(v).containsAll(s.labels().keySet()));
    PROBES.put("stop_grace_period", (s, v) -> v.pod().containsKey("terminationGracePeriodSeconds"));
    PROBES.put(
        "hostname/extra_hosts/dns",
        (s, v) ->
            v.pod().containsKey("hostname")
                || v.pod().containsKey("hostAliases")
                || v.pod().containsKey("dnsConfig"));
  }

  private AttributeProbes() {}

  /**
   * The probes whose attribute the service writes (per the compose files, not compose's defaults).
   */
  static List<String> written(Service s, SourceMap src) {
    List<String> out = new ArrayList<>();
    String n = s.name();
    add(out, "command/entrypoint", src, n, "command", "entrypoint");
    add(out, "environment", src, n, "environment", "env_file");
    add(out, "ports", src, n, "ports");
    add(out, "volumes", src, n, "volumes");
    add(out, "configs/secrets", src, n, "configs", "secrets");
    if (s.healthcheck() != null && s.healthcheck().test() != null && !s.healthcheck().disable()) {
      out.add("healthcheck");
    }
    if (s.lifecycle().dependsOn().values().stream()
        .anyMatch(d -> !ServiceLifecycle.Dependency.STARTED.equals(d.condition()))) {
      out.add("depends_on (healthy/completed)");
    }
    RestartPolicy.Mode mode = s.lifecycle().restart().mode();
    if (mode == RestartPolicy.Mode.ON_FAILURE
        || mode == RestartPolicy.Mode.NO
            && (src.where("services", n, "restart").isPresent()
                || src.where("services", n, "deploy", "restart_policy").isPresent())) {
      out.add("restart (one-shots)");
    }
    if (s.lifecycle().scale() > 1) {
      out.add("replicas");
    }
    add(out, "resources", src, n, "mem_limit", "cpus", "mem_reservation", "cpu_shares");
    if (src.where("services", n, "deploy", "resources").isPresent() && !out.contains("resources")) {
      out.add("resources");
    }
    add(
        out,
        "user/capabilities/privileged/read_only",
        src,
        n,
        "user",
        "cap_add",
        "cap_drop",
        "privileged",
        "read_only");
    add(out, "labels", src, n, "labels");
    add(out, "stop_grace_period", src, n, "stop_grace_period");
    add(out, "hostname/extra_hosts/dns", src, n, "hostname", "extra_hosts", "dns");
    return out;
  }

  private static void add(
      List<String> out, String probe, SourceMap src, String service, String... attributes) {
    for (String a : attributes) {
      if (src.where("services", service, a).isPresent()) {
        out.add(probe);
        return;
      }
    }
  }

  private static Set<String> envKeys(Seen v) {
    Set<String> keys = new TreeSet<>();
    Manifests.list(v.container().get("env")).forEach(e -> keys.add(String.valueOf(e.get("name"))));
    for (Map<String, Object> from : Manifests.list(v.container().get("envFrom"))) {
      Object name = Manifests.at(from, "configMapRef").get("name");
      v.m().ofKind("ConfigMap").stream()
          .filter(c -> Manifests.at(c, "metadata").get("name").equals(name))
          .forEach(c -> keys.addAll(Manifests.at(c, "data").keySet()));
    }
    return keys;
  }

  private static Set<Object> servicePorts(Seen v) {
    Set<Object> ports = new java.util.HashSet<>();
    v.m()
        .ofKind("Service")
        .forEach(
            svc ->
                Manifests.list(Manifests.at(svc, "spec").get("ports"))
                    .forEach(
                        p -> {
                          ports.add(p.get("targetPort"));
                          ports.add(p.get("port"));
                        }));
    return ports;
  }

  private static Set<Object> mountPaths(Seen v) {
    Set<Object> paths = new java.util.HashSet<>();
    Manifests.list(v.container().get("volumeMounts")).forEach(m -> paths.add(m.get("mountPath")));
    return paths;
  }

  private static Set<String> podMetadataKeys(Seen v) {
    Map<String, Object> w = v.m().workload(v.objectName());
    Set<String> keys = new TreeSet<>();
    keys.addAll(Manifests.at(w, "spec", "template", "metadata", "labels").keySet());
    keys.addAll(Manifests.at(w, "spec", "template", "metadata", "annotations").keySet());
    keys.addAll(Manifests.at(w, "metadata", "labels").keySet());
    keys.addAll(Manifests.at(w, "metadata", "annotations").keySet());
    return keys;
  }
}
