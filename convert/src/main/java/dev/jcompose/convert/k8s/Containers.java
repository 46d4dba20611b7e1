package dev.jcompose.convert.k8s;

import dev.jcompose.convert.api.Manifest;
import dev.jcompose.model.api.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service's container: image, entrypoint as {@code command} and command as {@code args} (the
 * image's ENTRYPOINT and CMD in both worlds), environment, ports, probes, resources, security and
 * mounts. With {@code env_file}, the resolved environment goes into a ConfigMap the container loads
 * whole ({@code envFrom}), so a long env file stays out of the workload.
 */
final class Containers {
  private Containers() {}

  static Map<String, Object> main(Context ctx, Service s, PodStorage storage) {
    String name = ctx.nameOf(s.name());
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("image", image(ctx, s));
    Obj.put(c, "imagePullPolicy", pullPolicy(ctx, s));
    Obj.put(c, "command", Expansion.escape(s.process().entrypoint()));
    Obj.put(c, "args", Expansion.escape(s.process().command()));
    Obj.put(c, "workingDir", s.process().workingDir());
    environment(ctx, s, c, storage);
    Obj.put(c, "ports", Ports.containerPorts(s));
    c.putAll(Probes.of(s, ctx.findings()));
    Obj.put(c, "resources", ResourceLimits.of(s, ctx.canonical(s), ctx.findings()));
    Obj.put(c, "securityContext", SecurityContexts.container(s, ctx.findings()));
    Obj.put(c, "lifecycle", Hooks.lifecycle(ctx, s));
    if (s.process().tty()) {
      c.put("tty", true);
    }
    if (s.process().stdinOpen()) {
      c.put("stdin", true);
    }
    Obj.put(c, "volumeMounts", storage.mounts());
    return c;
  }

  private static String image(Context ctx, Service s) {
    if (s.build() != null) {
      ctx.findings()
          .report(
              "Kubernetes does not build images: push "
                  + (s.image() != null ? s.image() : defaultImage(ctx, s))
                  + " to a registry the cluster pulls from",
              Context.path(s, "build"));
    }
    return s.image() != null ? s.image() : defaultImage(ctx, s);
  }

  /** The name compose gives an image it builds for a service without {@code image}. */
  private static String defaultImage(Context ctx, Service s) {
    return ctx.project().name() + "-" + s.name();
  }

  private static String pullPolicy(Context ctx, Service s) {
    if (s.pullPolicy() == null) {
      return null;
    }
    return switch (s.pullPolicy()) {
      case "always" -> "Always";
      case "never" -> "Never";
      case "missing", "if_not_present" -> "IfNotPresent";
      default -> {
        ctx.findings()
            .report(
                "pull policy "
                    + s.pullPolicy()
                    + " has no Kubernetes equivalent; the cluster's default applies",
                Context.path(s, "pull_policy"));
        yield null;
      }
    };
  }

  private static void environment(
      Context ctx, Service s, Map<String, Object> c, PodStorage storage) {
    Map<String, String> env = new TreeMap<>();
    s.process()
        .environment()
        .forEach(
            (k, v) -> {
              if (v != null) {
                env.put(k, v);
              }
            });
    boolean envFile = ctx.findings().written("services", s.name(), "env_file");
    List<Map<String, Object>> inline = new ArrayList<>();
    Map<String, Object> fromFile = new TreeMap<>();
    env.forEach(
        (k, v) -> {
          if (envFile && Names.dataKey(k).equals(k)) {
            fromFile.put(k, v);
          } else {
            inline.add(Obj.of("name", k, "value", Expansion.escape(v)));
          }
        });
    if (!fromFile.isEmpty()) {
      String name = Names.label(ctx.nameOf(s.name()) + "-env");
      storage.addObject(new Manifest(ConfigMaps.configMap(ctx, name, s, fromFile, Map.of())));
      c.put("envFrom", List.of(Obj.of("configMapRef", Obj.of("name", name))));
    }
    Obj.put(c, "env", inline);
  }
}
