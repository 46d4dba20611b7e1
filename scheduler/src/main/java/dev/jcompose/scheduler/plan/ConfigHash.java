package dev.jcompose.scheduler.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.scheduler.convert.Hashing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration hash of a service as docker compose computes it (compose hash.go): SHA-256 of
 * the JSON of the resolved service with {@code build}, {@code pull_policy}, {@code scale},
 * {@code deploy.replicas}, {@code depends_on} and {@code profiles} removed, so that scaling or adding
 * a dependency does not recreate containers. Keys are sorted so the hash is stable.
 */
public final class ConfigHash {
  private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  private static final List<String> IGNORED = List.of("build", "pull_policy", "scale", "depends_on", "profiles");

  private ConfigHash() {}

  public static String of(Project p, Service s) {
    Object canonical = canonicalService(p, s.name());
    if (canonical instanceof Map<?, ?> m) {
      return hashOf(strip(m));
    }
    // No canonical form (tests, hand-built projects): the record's text is deterministic enough.
    return Hashing.sha256Hex(withoutIgnored(s).toString());
  }

  @SuppressWarnings("unchecked")
  private static Object canonicalService(Project p, String name) {
    if (p.canonical() == null || !(p.canonical().get("services") instanceof Map<?, ?> services)) {
      return null;
    }
    return ((Map<String, Object>) services).get(name);
  }

  private static Map<Object, Object> strip(Map<?, ?> service) {
    Map<Object, Object> copy = new LinkedHashMap<>(service);
    IGNORED.forEach(copy::remove);
    if (copy.get("deploy") instanceof Map<?, ?> deploy) {
      Map<Object, Object> d = new LinkedHashMap<>(deploy);
      d.remove("replicas");
      copy.put("deploy", d);
    }
    return copy;
  }

  private static String hashOf(Object o) {
    try {
      return Hashing.sha256Hex(JSON.writeValueAsString(o));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("canonical service is not serialisable", e);
    }
  }

  private static Service withoutIgnored(Service s) {
    return new Service(s.name(), s.image(), null, s.command(), s.entrypoint(), s.environment(), s.workingDir(), s.user(),
        s.groupAdd(), s.hostname(), s.domainname(), s.containerName(), s.labels(), s.ports(), s.expose(), s.volumes(),
        s.tmpfs(), s.networks(), s.networkMode(), null, s.healthcheck(), s.restart(), s.deployRestartPolicy(), null,
        s.resources(), s.capAdd(), s.capDrop(), s.privileged(), s.readOnly(), s.stopSignal(), s.stopGracePeriod(), s.tty(),
        s.stdinOpen(), s.init(), s.ulimits(), s.extraHosts(), s.dns(), s.dnsSearch(), s.dnsOpt(), s.sysctls(), s.devices(),
        s.securityOpt(), s.links(), null, null, s.platform(), s.shmSize(), s.ipc(), s.pid(), s.macAddress(), s.logging(),
        s.secrets(), s.configs(), s.deviceCgroupRules());
  }
}
