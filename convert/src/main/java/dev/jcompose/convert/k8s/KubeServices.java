package dev.jcompose.convert.k8s;

import dev.jcompose.convert.api.Manifest;
import dev.jcompose.model.api.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kubernetes Services: the DNS names compose gives a stack. A compose service gets one when it has
 * ports or {@code expose}, when another service reaches it by name ({@code depends_on}, {@code
 * links}), or when it runs as a StatefulSet (whose pods take their DNS names from it); without
 * ports — or with {@code endpoint_mode: dnsrr} — it is headless, so its name resolves to the pods'
 * addresses as compose's DNS does. Network aliases and link aliases get a Service of their own with
 * the same selector.
 */
final class KubeServices {
  private KubeServices() {}

  static List<Manifest> of(Context ctx, Service s, Set<String> referenced) {
    String name = ctx.nameOf(s.name());
    List<Ports.ServicePort> ports = Ports.servicePorts(s, ctx.findings());
    boolean needed =
        !ports.isEmpty()
            || referenced.contains(s.name())
            || ctx.kindOf(s.name()) == WorkloadKind.STATEFULSET;
    List<Manifest> out = new ArrayList<>();
    if (!needed) {
      return out;
    }
    boolean headless =
        ports.isEmpty()
            || "dnsrr".equals(Context.at(ctx.canonical(s), "deploy").get("endpoint_mode"));
    out.add(new Manifest(service(ctx, s, name, ports, headless)));
    for (String alias : aliases(ctx, s)) {
      if (!Names.isLabel(alias)) {
        ctx.findings()
            .report(
                "alias \"" + alias + "\" is not a valid Kubernetes Service name; not converted",
                Context.path(s, "networks"));
      } else if (ctx.names().containsValue(alias)) {
        ctx.findings()
            .report(
                "alias \"" + alias + "\" is the name of a service's own objects; not converted",
                Context.path(s, "networks"));
      } else {
        out.add(new Manifest(service(ctx, s, alias, ports, headless)));
      }
    }
    return out;
  }

  /**
   * Aliases on the service's networks and {@code links: [svc:alias]} of other services pointing at
   * it.
   */
  private static Set<String> aliases(Context ctx, Service s) {
    Set<String> out = new TreeSet<>();
    s.networking()
        .networks()
        .values()
        .forEach(
            n -> {
              if (n != null) {
                out.addAll(n.aliases());
              }
            });
    ctx.project()
        .services()
        .values()
        .forEach(
            other ->
                other
                    .networking()
                    .links()
                    .forEach(
                        link -> {
                          if (link.service().equals(s.name())) {
                            out.add(link.alias());
                          }
                        }));
    out.remove(s.name());
    out.remove(ctx.nameOf(s.name()));
    return out;
  }

  private static Map<String, Object> service(
      Context ctx, Service s, String name, List<Ports.ServicePort> ports, boolean headless) {
    Map<String, String> selector = Labels.selector(ctx.project().name(), ctx.nameOf(s.name()));
    Map<String, String> labels = new java.util.TreeMap<>(selector);
    labels.putAll(Labels.project(ctx.project().name()));
    Map<String, Object> o = Obj.object("v1", "Service", Obj.of("name", name, "labels", labels));
    List<Map<String, Object>> specPorts = new ArrayList<>();
    for (Ports.ServicePort p : ports) {
      specPorts.add(
          Obj.of(
              "name",
              p.name(),
              "port",
              p.port(),
              "targetPort",
              p.target(),
              "protocol",
              p.protocol().equals("TCP") ? null : p.protocol(),
              "appProtocol",
              p.appProtocol()));
    }
    o.put(
        "spec",
        Obj.of("clusterIP", headless ? "None" : null, "selector", selector, "ports", specPorts));
    return o;
  }
}
