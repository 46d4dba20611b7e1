package dev.jcompose.model.normalize;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What docker compose keeps of the top-level resources once a project is loaded: the networks,
 * volumes, secrets and configs some (selected) service uses, nothing else (compose-go
 * Project.WithoutUnnecessaryResources, applied by docker compose's loader unless all resources are
 * asked for). A volume is used by a {@code type: volume} mount of it, a secret by a service's or a
 * build's secrets. Pure: a new model, the input untouched.
 */
public final class UnusedResources {
  private UnusedResources() {}

  public static Map<String, Object> drop(Map<String, Object> model) {
    Set<String> networks = new TreeSet<>();
    Set<String> volumes = new TreeSet<>();
    Set<String> secrets = new TreeSet<>();
    Set<String> configs = new TreeSet<>();
    if (model.get("services") instanceof Map<?, ?> services) {
      for (Object s : services.values()) {
        if (s instanceof Map<?, ?> svc) {
          if (svc.get("networks") instanceof Map<?, ?> nets) {
            nets.keySet().forEach(k -> networks.add(String.valueOf(k)));
          }
          sources(svc.get("volumes"), volumes, true);
          sources(svc.get("secrets"), secrets, false);
          if (svc.get("build") instanceof Map<?, ?> build) {
            sources(build.get("secrets"), secrets, false);
          }
          sources(svc.get("configs"), configs, false);
        }
      }
    }
    GoMap out = new GoMap();
    model.forEach(
        (k, v) -> {
          Set<String> used =
              switch (k) {
                case "networks" -> networks;
                case "volumes" -> volumes;
                case "secrets" -> secrets;
                case "configs" -> configs;
                default -> null;
              };
          if (used == null) {
            out.put(k, v);
          } else if (v instanceof Map<?, ?> section) {
            GoMap kept = new GoMap();
            section.forEach(
                (name, r) -> {
                  if (used.contains(String.valueOf(name))) {
                    kept.put(String.valueOf(name), r);
                  }
                });
            if (!kept.isEmpty()) {
              out.put(k, kept);
            }
          }
        });
    return out;
  }

  private static void sources(Object refs, Set<String> into, boolean volumeMountsOnly) {
    if (!(refs instanceof List<?> list)) {
      return;
    }
    for (Object r : list) {
      if (r instanceof Map<?, ?> m
          && m.get("source") instanceof String source
          && !source.isEmpty()
          && (!volumeMountsOnly || "volume".equals(m.get("type")))) {
        into.add(source);
      }
    }
  }
}
