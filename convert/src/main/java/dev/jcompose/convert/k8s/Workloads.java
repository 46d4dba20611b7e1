package dev.jcompose.convert.k8s;

import dev.jcompose.model.api.Service;
import java.util.LinkedHashMap;
import java.util.Map;

/** The controller object around a pod template: Deployment, StatefulSet, DaemonSet or Job. */
final class Workloads {
  private Workloads() {}

  static Map<String, Object> of(Context ctx, Service s, Map<String, Object> podSpec) {
    String name = ctx.nameOf(s.name());
    WorkloadKind kind = ctx.kindOf(s.name());
    Map<String, String> selector = Labels.selector(ctx.project().name(), name);
    Map<String, String> base = new java.util.TreeMap<>(selector);
    base.putAll(Labels.project(ctx.project().name()));
    Labels.Split pod = Labels.split(s.labels(), base, ctx.findings(), Context.path(s, "labels"));
    Labels.Split own =
        Labels.split(
            deployLabels(ctx, s),
            pod.labels(),
            ctx.findings(),
            Context.path(s, "deploy", "labels"));
    Map<String, Object> annotations = new java.util.TreeMap<>(pod.annotations());
    annotations.putAll(own.annotations());
    Map<String, Object> podAnnotations = new java.util.TreeMap<>(pod.annotations());
    podAnnotations.putAll(containerAnnotations(ctx, s));
    Map<String, Object> o =
        Obj.object(
            kind.apiVersion,
            kind.kind,
            Obj.of("name", name, "labels", own.labels(), "annotations", annotations));
    Map<String, Object> template =
        Obj.of(
            "metadata",
            Obj.of("labels", pod.labels(), "annotations", podAnnotations),
            "spec",
            podSpec);
    Map<String, Object> spec = new LinkedHashMap<>();
    int replicas = s.lifecycle().scale();
    switch (kind) {
      case DEPLOYMENT ->
          spec.putAll(Obj.of("replicas", replicas, "selector", Obj.of("matchLabels", selector)));
      case STATEFULSET ->
          spec.putAll(
              Obj.of(
                  "serviceName",
                  name,
                  "replicas",
                  replicas,
                  "selector",
                  Obj.of("matchLabels", selector)));
      case DAEMONSET -> spec.putAll(Obj.of("selector", Obj.of("matchLabels", selector)));
      case JOB ->
          spec.putAll(
              Obj.of(
                  "parallelism",
                  replicas == 1 ? null : replicas,
                  "completions",
                  replicas == 1 ? null : replicas,
                  "backoffLimit",
                  Restarts.backoffLimit(s)));
    }
    if (kind == WorkloadKind.JOB && Restarts.backoffLimit(s) == null) {
      ctx.findings()
          .report(
              "compose retries on failure without end; the Job gives up after Kubernetes' default of 6 retries (backoffLimit)",
              Restarts.attribute(s, ctx.findings()));
    }
    spec.put("template", template);
    o.put("spec", spec);
    return o;
  }

  /**
   * {@code deploy.labels}: labels of the service itself, not of its containers (the typed model
   * does not carry them).
   */
  @SuppressWarnings("unchecked")
  private static Map<String, String> deployLabels(Context ctx, Service s) {
    Map<String, String> out = new java.util.TreeMap<>();
    Context.at(ctx.canonical(s), "deploy", "labels")
        .forEach((k, v) -> out.put(k, v == null ? "" : String.valueOf(v)));
    return out;
  }

  /**
   * The service's {@code annotations}, which compose sets on its containers (the typed model does
   * not carry them).
   */
  private static Map<String, String> containerAnnotations(Context ctx, Service s) {
    Map<String, String> out = new java.util.TreeMap<>();
    Context.at(ctx.canonical(s), "annotations")
        .forEach(
            (k, v) -> {
              if (Labels.isKey(k)) {
                out.put(k, v == null ? "" : String.valueOf(v));
              } else {
                ctx.findings()
                    .report(
                        "annotation key \""
                            + k
                            + "\" is not a valid Kubernetes annotation key; not converted",
                        Context.path(s, "annotations", k));
              }
            });
    return out;
  }
}
