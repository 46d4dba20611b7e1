package dev.jcompose.convert.k8s;

import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceResources;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Container resources: limits from {@code mem_limit}/{@code cpus} (merged with {@code
 * deploy.resources.limits} by the model) or {@code cpu_quota}/{@code cpu_period}; requests from
 * {@code mem_reservation}/{@code deploy.resources.reservations} and {@code cpu_shares} (the kubelet
 * maps one CPU of request to 1024 shares, so the way back is shares / 1024). A request above its
 * limit is lowered to the limit, which the API server requires.
 */
final class ResourceLimits {
  private ResourceLimits() {}

  static Map<String, Object> of(Service s, Map<String, Object> canonical, Findings findings) {
    ServiceResources r = s.resources();
    Long cpuLimit = r.nanoCpus() != null ? r.nanoCpus() : quota(r);
    Long cpuRequest = reservedCpus(canonical);
    if (cpuRequest == null && r.cpuShares() != null) {
      cpuRequest = r.cpuShares() * 1_000_000_000L / 1024;
    }
    Long memRequest = r.memReservation();
    if (memRequest != null && r.memLimit() != null && memRequest > r.memLimit()) {
      findings.report(
          "the reservation is above mem_limit; the request is lowered to the limit",
          Context.path(s, "mem_reservation"));
      memRequest = r.memLimit();
    }
    if (cpuRequest != null && cpuLimit != null && cpuRequest > cpuLimit) {
      findings.report(
          "the CPU reservation is above the limit; the request is lowered to the limit",
          Context.path(s, "deploy", "resources"));
      cpuRequest = cpuLimit;
    }
    return Obj.of(
        "limits",
            Obj.of(
                "cpu",
                cpuLimit == null ? null : Quantities.nanoCpus(cpuLimit),
                "memory",
                r.memLimit() == null ? null : Quantities.bytes(r.memLimit())),
        "requests",
            Obj.of(
                "cpu",
                cpuRequest == null ? null : Quantities.nanoCpus(cpuRequest),
                "memory",
                memRequest == null ? null : Quantities.bytes(memRequest)));
  }

  private static Long quota(ServiceResources r) {
    if (r.cpuQuota() == null || r.cpuQuota() <= 0) {
      return null;
    }
    long period = r.cpuPeriod() == null || r.cpuPeriod() <= 0 ? 100_000 : r.cpuPeriod();
    return r.cpuQuota() * 1_000_000_000L / period;
  }

  /** {@code deploy.resources.reservations.cpus}, which the typed model does not carry. */
  private static Long reservedCpus(Map<String, Object> canonical) {
    Object cpus = Context.at(canonical, "deploy", "resources", "reservations").get("cpus");
    if (cpus == null) {
      return null;
    }
    return new BigDecimal(cpus.toString()).movePointRight(9).longValue();
  }
}
