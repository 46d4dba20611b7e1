package dev.jcompose.model.normalize;

import dev.jcompose.model.api.ServiceNetworking;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Short port syntax to compose's canonical long form: the typed parser ({@link
 * ServiceNetworking.Port#parse}) reads it, this prints each port the way {@code docker compose
 * config} does (mode, host_ip, target, published as a string, protocol).
 */
final class PortSpecs {
  private PortSpecs() {}

  /** Long-form port maps in compose's field order; IllegalArgumentException on a bad spec. */
  static List<Map<String, Object>> parse(String spec) {
    return ServiceNetworking.Port.parse(spec).stream().map(PortSpecs::canonical).toList();
  }

  private static Map<String, Object> canonical(ServiceNetworking.Port p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", p.mode());
    if (p.hostIp() != null) {
      m.put("host_ip", p.hostIp());
    }
    m.put("target", (long) p.target());
    if (p.published() != null) {
      m.put("published", p.published().toString());
    }
    m.put("protocol", p.protocol().id());
    return m;
  }
}
