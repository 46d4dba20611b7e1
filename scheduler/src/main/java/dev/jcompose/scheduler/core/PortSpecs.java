package dev.jcompose.scheduler.core;

import dev.jcompose.model.api.Service;
import java.util.ArrayList;
import java.util.List;

/** {@code run --publish} values ("[ip:][host:]container[/proto]") to ports. */
final class PortSpecs {
  private PortSpecs() {}

  static List<Service.Port> parse(List<String> specs) {
    List<Service.Port> out = new ArrayList<>();
    for (String spec : specs == null ? List.<String>of() : specs) {
      String proto = "tcp";
      String s = spec;
      if (s.contains("/")) {
        proto = s.substring(s.indexOf('/') + 1);
        s = s.substring(0, s.indexOf('/'));
      }
      String[] parts = s.split(":");
      String ip = parts.length == 3 ? parts[0] : null;
      String published = parts.length >= 2 ? parts[parts.length - 2] : null;
      int target = Integer.parseInt(parts[parts.length - 1]);
      out.add(new Service.Port(null, target, published == null || published.isEmpty() ? null : published, ip, proto, "ingress", null));
    }
    return out;
  }
}
