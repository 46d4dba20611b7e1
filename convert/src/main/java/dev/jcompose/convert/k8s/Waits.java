package dev.jcompose.convert.k8s;

import dev.jcompose.convert.api.Manifest;
import dev.jcompose.model.api.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code depends_on} conditions as init containers that wait, with {@code kubectl wait}: first for
 * the dependency's object to exist (the manifests are applied together, in any order), then for a
 * Job to complete ({@code service_completed_successfully}) or a workload's rollout to be ready
 * ({@code service_healthy}: its readiness probe is the healthcheck). Kubernetes starts pods without
 * ordering, so {@code service_started} keeps no order and is reported. The waiting pods run as a
 * ServiceAccount that may only read workloads and pods.
 */
final class Waits {
  private Waits() {}

  /**
   * True if some pod waits (a dependency condition other than service_started on a service of the
   * project).
   */
  static boolean any(dev.jcompose.model.api.Project project) {
    return project.services().values().stream()
        .anyMatch(
            s ->
                s.lifecycle().dependsOn().entrySet().stream()
                    .anyMatch(
                        e ->
                            project.services().containsKey(e.getKey())
                                && !"service_started".equals(e.getValue().condition())));
  }

  static String account(Context ctx) {
    return Names.label(ctx.project().name() + "-wait");
  }

  static List<Map<String, Object>> initContainers(Context ctx, Service s) {
    List<Map<String, Object>> out = new ArrayList<>();
    List<String> notKept = new ArrayList<>();
    new TreeMap<>(s.lifecycle().dependsOn())
        .forEach(
            (dep, d) -> {
              if (!ctx.project().services().containsKey(dep)) {
                return;
              }
              String name = ctx.nameOf(dep);
              WorkloadKind kind = ctx.kindOf(dep);
              switch (d.condition()) {
                case "service_completed_successfully" -> {
                  out.add(
                      container(
                          ctx,
                          "wait-" + name + "-created",
                          "wait",
                          "--for=create",
                          kind.ref(name),
                          "--timeout=-1s"));
                  out.add(
                      container(
                          ctx,
                          "wait-" + name,
                          "wait",
                          "--for=condition=complete",
                          kind.ref(name),
                          "--timeout=-1s"));
                }
                case "service_healthy" -> {
                  out.add(
                      container(
                          ctx,
                          "wait-" + name + "-created",
                          "wait",
                          "--for=create",
                          kind.ref(name),
                          "--timeout=-1s"));
                  if (kind == WorkloadKind.JOB) {
                    out.add(
                        container(
                            ctx,
                            "wait-" + name,
                            "wait",
                            "--for=condition=ready",
                            "pod",
                            "--selector=" + selector(ctx, dep),
                            "--timeout=-1s"));
                  } else {
                    out.add(
                        container(
                            ctx,
                            "wait-" + name,
                            "rollout",
                            "status",
                            kind.ref(name),
                            "--timeout=0s"));
                  }
                }
                default -> notKept.add(dep);
              }
            });
    if (!notKept.isEmpty()) {
      ctx.findings()
          .report(
              "Kubernetes starts pods without ordering: "
                  + String.join(", ", notKept)
                  + " (service_started) may start after this service",
              Context.path(s, "depends_on"));
    }
    return out;
  }

  private static String selector(Context ctx, String service) {
    StringBuilder b = new StringBuilder();
    Labels.selector(ctx.project().name(), ctx.nameOf(service))
        .forEach((k, v) -> b.append(b.length() == 0 ? "" : ",").append(k).append('=').append(v));
    return b.toString();
  }

  private static Map<String, Object> container(Context ctx, String name, String... args) {
    return Obj.of(
        "name",
        Names.label(name),
        "image",
        ctx.options().waitImage(),
        "command",
        List.of("kubectl"),
        "args",
        List.of(args),
        "securityContext",
        Obj.of("allowPrivilegeEscalation", false, "capabilities", Obj.of("drop", List.of("ALL"))));
  }

  /** The ServiceAccount, Role and RoleBinding the waiting init containers run as. */
  static List<Manifest> rbac(Context ctx) {
    String name = account(ctx);
    Map<String, Object> account = Obj.object("v1", "ServiceAccount", meta(ctx, name));
    Map<String, Object> role = Obj.object("rbac.authorization.k8s.io/v1", "Role", meta(ctx, name));
    List<String> read = List.of("get", "list", "watch");
    role.put(
        "rules",
        List.of(
            Obj.of(
                "apiGroups",
                List.of("apps"),
                "resources",
                List.of("daemonsets", "deployments", "replicasets", "statefulsets"),
                "verbs",
                read),
            Obj.of("apiGroups", List.of("batch"), "resources", List.of("jobs"), "verbs", read),
            Obj.of("apiGroups", List.of(""), "resources", List.of("pods"), "verbs", read)));
    Map<String, Object> binding =
        Obj.object("rbac.authorization.k8s.io/v1", "RoleBinding", meta(ctx, name));
    binding.put("subjects", List.of(Obj.of("kind", "ServiceAccount", "name", name)));
    binding.put(
        "roleRef", Obj.of("apiGroup", "rbac.authorization.k8s.io", "kind", "Role", "name", name));
    return List.of(new Manifest(account), new Manifest(role), new Manifest(binding));
  }

  private static Map<String, Object> meta(Context ctx, String name) {
    return Obj.of("name", name, "labels", Labels.project(ctx.project().name()));
  }
}
