package dev.jcompose.convert.k8s;

import dev.jcompose.model.api.NetworkMode;
import dev.jcompose.model.api.Service;

/**
 * {@code network_mode} and {@code networks}, which a pod network cannot express: every pod has its
 * own network namespace on one flat network where all pods reach each other. Containers that share
 * a namespace ({@code service:}/{@code container:}) belong in one pod, and compose networks'
 * isolation would need NetworkPolicies; both are reported, not converted.
 */
final class NetworkModes {
  private NetworkModes() {}

  static void check(Context ctx, Service s) {
    NetworkMode mode = s.networking().mode();
    if (mode.kind() != NetworkMode.Kind.BRIDGE && mode.kind() != NetworkMode.Kind.CUSTOM) {
      String why =
          switch (mode.kind()) {
            case HOST ->
                "a pod shares the node's network only with hostNetwork, which convert does not set";
            case NONE -> "every pod has a network";
            default ->
                "containers sharing a network namespace belong in one pod, which convert does not merge";
          };
      ctx.findings()
          .report(
              "network_mode " + mode + " has no equivalent (" + why + "); not converted",
              Context.path(s, "network_mode"));
    }
    if (ctx.project().networks().size() > 1
        && ctx.findings().written("services", s.name(), "networks")) {
      ctx.findings()
          .report(
              "Kubernetes has one flat pod network: the isolation between compose networks is not converted",
              Context.path(s, "networks"));
    }
    s.networking()
        .networks()
        .forEach(
            (net, n) -> {
              if (n != null
                  && (n.ipv4Address() != null
                      || n.ipv6Address() != null
                      || n.macAddress() != null)) {
                ctx.findings()
                    .report(
                        "fixed addresses have no pod equivalent (the cluster assigns pod IPs); not converted",
                        Context.path(s, "networks", net));
              }
            });
  }
}
