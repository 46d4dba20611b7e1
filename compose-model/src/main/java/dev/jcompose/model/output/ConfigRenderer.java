package dev.jcompose.model.output;

import dev.jcompose.model.normalize.GoMap;
import dev.jcompose.model.normalize.UnusedResources;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints a canonical model as {@code docker compose config} does. JSON: Project.MarshalJSON (a map,
 * so top-level keys sorted; no trailing newline). YAML: the Project struct order (name, services,
 * networks, volumes, secrets, configs, then {@code x-*}), with null command/entrypoint omitted
 * (ShellCommand.IsZero). With interpolation on, {@code $} is doubled so the output is itself a
 * valid compose file (cmd/compose/config.go).
 */
public final class ConfigRenderer {
  /** Output formats of {@code --format}. */
  public enum Format {
    YAML,
    JSON
  }

  private static final List<String> YAML_TOP =
      List.of("name", "services", "networks", "volumes", "secrets", "configs", "models");

  private ConfigRenderer() {}

  /**
   * The model with only the services named in {@code keep} and the resources they use (docker
   * compose config SERVICE...: its loader selects the services, then drops unused resources).
   */
  public static Map<String, Object> withServices(Map<String, Object> model, Set<String> keep) {
    Map<String, Object> copy = new LinkedHashMap<>(model);
    GoMap kept = new GoMap();
    if (model.get("services") instanceof Map<?, ?> services) {
      services.forEach(
          (k, v) -> {
            if (keep.contains(k)) {
              kept.put((String) k, v);
            }
          });
    }
    copy.put("services", kept);
    return UnusedResources.drop(copy);
  }

  public static String render(Map<String, Object> model, Format format, boolean escapeDollars) {
    String text =
        format == Format.JSON ? JsonWriter.write(model) : YamlWriter.write(yamlView(model));
    return escapeDollars ? text.replace("$", "$$") : text;
  }

  private static Map<String, Object> yamlView(Map<String, Object> model) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String k : YAML_TOP) {
      if (model.containsKey(k)) {
        out.put(k, k.equals("services") ? withoutNullCommands(model.get(k)) : model.get(k));
      }
    }
    model.keySet().stream()
        .filter(k -> !YAML_TOP.contains(k))
        .sorted(YamlKeyOrder::compare)
        .forEach(k -> out.put(k, model.get(k)));
    return out;
  }

  private static Object withoutNullCommands(Object services) {
    if (!(services instanceof Map<?, ?> svcs)) {
      return services;
    }
    GoMap out = new GoMap();
    svcs.forEach(
        (name, svc) -> {
          Map<String, Object> copy = new LinkedHashMap<>();
          ((Map<?, ?>) svc)
              .forEach(
                  (k, v) -> {
                    if (!(v == null && (k.equals("command") || k.equals("entrypoint")))) {
                      copy.put((String) k, v);
                    }
                  });
          out.put((String) name, copy);
        });
    return out;
  }
}
