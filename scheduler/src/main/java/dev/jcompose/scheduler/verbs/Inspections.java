package dev.jcompose.scheduler.verbs;

import dev.jcompose.model.api.RestartPolicy;
import dev.jcompose.netmgr.api.Endpoint;
import dev.jcompose.netmgr.api.NetworkInfo;
import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ContainerDetails;
import dev.jcompose.scheduler.api.ContainerRef;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.NetworkDetails;
import dev.jcompose.scheduler.health.HealthState;
import dev.jcompose.scheduler.health.HealthStatus;
import dev.jcompose.scheduler.host.Failures;
import dev.jcompose.scheduler.names.Labels;
import dev.jcompose.scheduler.ops.ContainerActions;
import dev.jcompose.scheduler.ops.EngineContext;
import dev.jcompose.scheduler.ops.Observer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code container inspect} and {@code network ls|inspect}: what the engine knows of a container
 * (runtime spec and state, health log, endpoints, published ports) and of its networks, gathered
 * into the API's records. Read-only; takes no lock.
 */
final class Inspections {
  private final EngineContext ctx;

  Inspections(EngineContext ctx) {
    this.ctx = ctx;
  }

  ContainerDetails inspect(ContainerRef ref) {
    String name = resolve(ctx, ref);
    ContainerState st =
        ctx.runtime()
            .state(name)
            .orElseThrow(
                () ->
                    new ComposeException(
                        ComposeException.Kind.NOT_FOUND, "no such container: " + name));
    ContainerSpec spec = Failures.translated(() -> ctx.runtime().spec(name));
    Map<String, String> labels = st.labels() == null ? Map.of() : st.labels();
    List<String> args = spec.process().args();
    ContainerSummary summary = Summaries.of(ctx, st);
    return new ContainerDetails(
        labels.getOrDefault(Labels.CONTAINER_ID, name),
        name,
        st.createdAt(),
        args.isEmpty() ? "" : args.get(0),
        args.size() > 1 ? args.subList(1, args.size()) : List.of(),
        state(st),
        spec.image().imageId(),
        labels.getOrDefault(Labels.IMAGE_REF, spec.image().reference()),
        new ContainerDetails.Config(
            spec.hostname(),
            spec.domainname(),
            spec.process().user(),
            spec.process().env(),
            spec.process().cwd(),
            spec.process().tty(),
            spec.process().stdinOpen(),
            labels.get(Labels.STOP_SIGNAL),
            labels.containsKey(Labels.STOP_GRACE_MS)
                ? Long.parseLong(labels.get(Labels.STOP_GRACE_MS))
                : null,
            labels),
        limits(spec, labels),
        mounts(spec),
        endpoints(name, labels),
        summary.publishers(),
        st.logPath() == null ? "" : st.logPath().toString());
  }

  /** The container a reference names: by name, else the project's replica of the service. */
  static String resolve(EngineContext ctx, ContainerRef ref) {
    if (ref.name() != null) {
      return ref.name();
    }
    return Observer.serviceContainers(ctx.runtime(), ref.project(), ref.service()).stream()
        .filter(c -> Integer.toString(ref.index()).equals(c.labels().get(Labels.NUMBER)))
        .map(ContainerState::id)
        .findFirst()
        .orElseThrow(
            () ->
                new ComposeException(
                    ComposeException.Kind.NOT_FOUND,
                    "service \"" + ref.service() + "\" has no container #" + ref.index()));
  }

  private ContainerDetails.State state(ContainerState st) {
    HealthStatus health =
        st.status() == ContainerState.Status.RUNNING
            ? ctx.health().status(st.id()).orElse(null)
            : null;
    ContainerDetails.Health h =
        health == null
            ? null
            : new ContainerDetails.Health(
                health.text(),
                0,
                ctx.health().log(st.id()).stream().map(Inspections::probe).toList());
    return new ContainerDetails.State(
        Summaries.state(st),
        st.status() == ContainerState.Status.RUNNING,
        st.paused(),
        st.exit() != null && st.exit().oomKilled(),
        st.pid(),
        st.exit() == null ? 0 : st.exit().exitCode(),
        st.startedAt(),
        st.finishedAt(),
        h);
  }

  private static ContainerDetails.Probe probe(HealthState.Result r) {
    return new ContainerDetails.Probe(r.start(), r.end(), r.exitCode(), r.output());
  }

  private static ContainerDetails.Limits limits(ContainerSpec spec, Map<String, String> labels) {
    ContainerSpec.Resources r =
        spec.resources() == null ? ContainerSpec.Resources.none() : spec.resources();
    RestartPolicy policy = RestartPolicy.parse(labels.getOrDefault(Labels.RESTART, "no"));
    return new ContainerDetails.Limits(
        r.memoryLimit(),
        r.memorySwapLimit(),
        r.memoryReservation(),
        r.cpuQuotaMicros(),
        r.cpuPeriodMicros(),
        r.cpuShares(),
        r.cpusetCpus(),
        r.pidsLimit(),
        spec.shmSizeBytes(),
        spec.privileged(),
        spec.readOnlyRootfs(),
        spec.network().kind().name().toLowerCase(Locale.ROOT),
        policy.label(),
        policy.maxRetries(),
        spec.process().capabilities());
  }

  private static List<ContainerDetails.MountPoint> mounts(ContainerSpec spec) {
    List<ContainerDetails.MountPoint> out = new ArrayList<>();
    for (ContainerSpec.MountSpec m : spec.mounts()) {
      String type = m.type().name().toLowerCase(Locale.ROOT);
      String source = m.source() == null ? "" : m.source().toString();
      // a volume's data dir is <volumes>/<name>/_data: docker shows the name beside the path
      String name =
          m.type() == ContainerSpec.MountSpec.Type.VOLUME
                  && m.source() != null
                  && m.source().getParent() != null
              ? m.source().getParent().getFileName().toString()
              : "";
      out.add(new ContainerDetails.MountPoint(type, name, source, m.target(), !m.readOnly()));
    }
    return out;
  }

  private Map<String, ContainerDetails.Endpoint> endpoints(
      String container, Map<String, String> labels) {
    Map<String, ContainerDetails.Endpoint> out = new LinkedHashMap<>();
    for (String network : ContainerActions.csv(labels.get(Labels.NETWORKS))) {
      try {
        ctx.networks().endpoints(network).stream()
            .filter(e -> e.containerId().equals(container))
            .findFirst()
            .ifPresent(
                e ->
                    out.put(
                        network,
                        new ContainerDetails.Endpoint(
                            e.ipv4Address(),
                            e.prefixLength(),
                            e.gateway(),
                            e.macAddress() == null ? "" : e.macAddress(),
                            List.of(labels.getOrDefault(Labels.SERVICE, ""), container))));
      } catch (RuntimeException e) {
        // a network removed meanwhile: no endpoint to show
      }
    }
    return out;
  }

  List<NetworkDetails> networks(List<String> names) {
    List<NetworkDetails> out = new ArrayList<>();
    for (NetworkInfo n : ctx.networks().list()) {
      if (names == null || names.isEmpty() || names.contains(n.name())) {
        List<NetworkDetails.Attached> attached = new ArrayList<>();
        for (Endpoint e : ctx.networks().endpoints(n.name())) {
          attached.add(
              new NetworkDetails.Attached(
                  e.containerId(),
                  e.ipv4Address(),
                  e.prefixLength(),
                  e.macAddress() == null ? "" : e.macAddress()));
        }
        out.add(
            new NetworkDetails(
                n.name(),
                "bridge",
                n.bridge(),
                n.subnet(),
                n.gateway(),
                n.internal(),
                n.labels() == null ? Map.of() : n.labels(),
                attached));
      }
    }
    if (names != null) {
      for (String name : names) {
        if (out.stream().noneMatch(d -> d.name().equals(name))) {
          throw new ComposeException(ComposeException.Kind.NOT_FOUND, "no such network: " + name);
        }
      }
    }
    return out;
  }
}
