package dev.jcompose.model.normalize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Short port syntax {@code [[ip:](port|range):](port|range)[/proto]} expanded to long form as
 * compose-go does (types.ParsePortConfig over docker's nat.ParsePortSpecs): one entry per container
 * port, ordered by the string key {@code "<port>/<proto>"}, mode {@code ingress}, {@code published}
 * a string (a single port, or the whole host range when one container port maps to a range).
 */
final class PortSpecs {
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}");

  private PortSpecs() {}

  /** Long-form port maps in compose's field order; IllegalArgumentException on a bad spec. */
  static List<Map<String, Object>> parse(String spec) {
    String rawPort = spec;
    String proto = "tcp";
    int slash = spec.lastIndexOf('/');
    if (slash >= 0) {
      rawPort = spec.substring(0, slash);
      proto = spec.substring(slash + 1).toLowerCase(Locale.ROOT);
      if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("sctp")) {
        throw new IllegalArgumentException("invalid proto: " + proto);
      }
    }
    String[] parts = rawPort.split(":", -1);
    int n = parts.length;
    String container = parts[n - 1];
    String host = n >= 2 ? parts[n - 2] : "";
    String ip = n >= 3 ? String.join(":", java.util.Arrays.copyOf(parts, n - 2)) : "";
    ip = checkIp(ip);
    if (container.isEmpty()) {
      throw new IllegalArgumentException("no port specified: " + spec + "<empty>");
    }
    int[] cr = range(container, "containerPort");
    int[] hr = host.isEmpty() ? null : range(host, "hostPort");
    int count = cr[1] - cr[0] + 1;
    if (hr != null && hr[1] - hr[0] + 1 != count && count != 1) {
      throw new IllegalArgumentException(
          "invalid ranges specified for container and host Ports: " + container + " and " + host);
    }
    TreeMap<String, Map<String, Object>> byKey = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      String published = "";
      if (hr != null) {
        published = count == 1 && hr[0] != hr[1] ? host : String.valueOf(hr[0] + i);
      }
      byKey.put((cr[0] + i) + "/" + proto, entry(ip, cr[0] + i, published, proto));
    }
    return new ArrayList<>(byKey.values());
  }

  private static Map<String, Object> entry(String ip, int target, String published, String proto) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", "ingress");
    if (!ip.isEmpty()) {
      m.put("host_ip", ip);
    }
    m.put("target", (long) target);
    if (!published.isEmpty()) {
      m.put("published", published);
    }
    m.put("protocol", proto);
    return m;
  }

  private static String checkIp(String ip) {
    String bare = ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
    boolean ok = bare.isEmpty() || IPV4.matcher(bare).matches() || (bare.contains(":") && bare.matches("[0-9a-fA-F:.]+"));
    if (!ok) {
      throw new IllegalArgumentException("invalid IP address: " + ip);
    }
    return bare;
  }

  private static int[] range(String text, String what) {
    int dash = text.indexOf('-');
    try {
      int start = Integer.parseInt(dash < 0 ? text : text.substring(0, dash));
      int end = dash < 0 ? start : Integer.parseInt(text.substring(dash + 1));
      if (start < 0 || end > 65535 || end < start) {
        throw new NumberFormatException();
      }
      return new int[] {start, end};
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid " + what + ": " + text);
    }
  }
}
