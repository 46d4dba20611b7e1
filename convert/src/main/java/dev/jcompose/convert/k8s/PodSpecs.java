package dev.jcompose.convert.k8s;

import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceNetworking;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pod around a service's container: init containers that wait, host aliases from {@code
 * extra_hosts}, DNS settings, the platform as a node selector, the grace period, an init process
 * ({@code init: true}: with a shared process namespace the pod's pause process is PID 1 and reaps
 * zombies, as docker-init does) and the pod security context. Kubernetes injects docker-link style
 * variables for every Service ({@code DB_PORT=tcp://...}), which compose never sets and which break
 * programs reading {@code <NAME>_PORT} as a number, so they are off; so is the API token, which
 * compose containers do not have, unless the pod waits with kubectl.
 */
final class PodSpecs {
  private PodSpecs() {}

  static Map<String, Object> spec(
      Context ctx,
      Service s,
      Map<String, Object> container,
      List<Map<String, Object>> waits,
      PodStorage storage,
      String restartPolicy) {
    Map<String, Object> spec = new LinkedHashMap<>();
    Obj.put(spec, "restartPolicy", restartPolicy);
    if (!waits.isEmpty()) {
      spec.put("serviceAccountName", Waits.account(ctx));
    } else {
      spec.put("automountServiceAccountToken", false);
    }
    spec.put("enableServiceLinks", false);
    hostname(ctx, s, spec);
    if (Boolean.TRUE.equals(s.process().init())) {
      spec.put("shareProcessNamespace", true);
    }
    java.time.Duration grace = s.lifecycle().stopGracePeriod();
    Obj.put(
        spec,
        "terminationGracePeriodSeconds",
        grace == null
            ? null
            : (int)
                Math.min(Integer.MAX_VALUE, grace.getSeconds() + (grace.getNano() > 0 ? 1 : 0)));
    stopSignal(ctx, s);
    Obj.put(spec, "hostAliases", hostAliases(ctx, s));
    Obj.put(spec, "dnsConfig", dnsConfig(s));
    Obj.put(spec, "nodeSelector", platform(ctx, s));
    Obj.put(spec, "securityContext", SecurityContexts.pod(s, ctx.findings()));
    Obj.put(spec, "initContainers", waits);
    spec.put("containers", List.of(container));
    Obj.put(spec, "volumes", storage.volumes());
    return spec;
  }

  private static void hostname(Context ctx, Service s, Map<String, Object> spec) {
    String hostname = s.networking().hostname();
    if (hostname == null || hostname.isEmpty()) {
      return;
    }
    String lower = hostname.toLowerCase(java.util.Locale.ROOT);
    if (lower.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") && lower.length() <= 63) {
      spec.put("hostname", lower);
    } else {
      ctx.findings()
          .report(
              "hostname \""
                  + hostname
                  + "\" is not a DNS label, which a pod's hostname must be; not converted",
              Context.path(s, "hostname"));
    }
  }

  private static void stopSignal(Context ctx, Service s) {
    String sig = s.lifecycle().stopSignal();
    if (sig != null
        && !List.of("SIGTERM", "TERM", "15").contains(sig.toUpperCase(java.util.Locale.ROOT))) {
      ctx.findings()
          .report(
              "Kubernetes stops containers with SIGTERM (or the image's STOPSIGNAL); "
                  + sig
                  + " is not converted",
              Context.path(s, "stop_signal"));
    }
  }

  /** {@code extra_hosts} entries ("host=ip" or "host:ip") grouped by address. */
  private static List<Map<String, Object>> hostAliases(Context ctx, Service s) {
    Map<String, List<String>> byIp = new TreeMap<>();
    List<ServiceNetworking.ExtraHost> hosts = s.networking().extraHosts();
    for (int i = 0; i < hosts.size(); i++) {
      ServiceNetworking.ExtraHost e = hosts.get(i);
      if (e.ip().equals(ServiceNetworking.ExtraHost.HOST_GATEWAY)) {
        ctx.findings()
            .report(
                e.host()
                    + "="
                    + e.ip()
                    + " has no Kubernetes equivalent (there is no host gateway address); not converted",
                Context.path(s, "extra_hosts", String.valueOf(i)));
      } else {
        byIp.computeIfAbsent(e.ip(), k -> new ArrayList<>()).add(e.host());
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    byIp.forEach((ip, names) -> out.add(Obj.of("ip", ip, "hostnames", names)));
    return out;
  }

  private static Map<String, Object> dnsConfig(Service s) {
    List<Map<String, Object>> options = new ArrayList<>();
    for (String o : s.networking().dnsOpt()) {
      String[] kv = o.split(":", 2);
      options.add(Obj.of("name", kv[0], "value", kv.length > 1 ? kv[1] : null));
    }
    return Obj.of(
        "nameservers",
        s.networking().dns(),
        "searches",
        s.networking().dnsSearch(),
        "options",
        options);
  }

  /** {@code platform: os/arch[/variant]} as the well-known node labels. */
  private static Map<String, Object> platform(Context ctx, Service s) {
    if (s.platform() == null || s.platform().isEmpty()) {
      return Map.of();
    }
    String[] p = s.platform().split("/", -1);
    if (p.length > 2) {
      ctx.findings()
          .report(
              "the variant " + p[2] + " has no node label; only os and architecture select nodes",
              Context.path(s, "platform"));
    }
    return Obj.of("kubernetes.io/os", p[0], "kubernetes.io/arch", p.length > 1 ? p[1] : null);
  }
}
