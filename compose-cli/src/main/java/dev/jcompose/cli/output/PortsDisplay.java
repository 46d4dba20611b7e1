package dev.jcompose.cli.output;

import dev.jcompose.scheduler.api.ContainerSummary.Publisher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PORTS column as {@code docker ps} shows it: ports sorted by target port, consecutive ports on
 * the same address and protocol folded into ranges ({@code 0.0.0.0:8000-8001->8000-8001/tcp}),
 * unpublished ports as {@code 6379/tcp}, and mappings to a different host port listed last.
 */
public final class PortsDisplay {
  private PortsDisplay() {}

  private static final class Group {
    final int first;
    int last;

    Group(int port) {
      first = port;
      last = port;
    }
  }

  /**
   * By target port, address, published port, protocol. Written out rather than chained from
   * Comparator.comparing...: those are serializable lambdas, which the AOT cache does not keep, so
   * each was spun at run time in every ps (~7% of a cold ps's samples with the sort by name).
   */
  private static int order(Publisher a, Publisher b) {
    int c = Integer.compare(a.targetPort(), b.targetPort());
    if (c == 0) {
      c = nz(a.url()).compareTo(nz(b.url()));
    }
    if (c == 0) {
      c = Integer.compare(a.publishedPort(), b.publishedPort());
    }
    return c != 0 ? c : nz(a.protocol()).compareTo(nz(b.protocol()));
  }

  public static String of(List<Publisher> publishers) {
    List<Publisher> ports = new ArrayList<>(publishers == null ? List.of() : publishers);
    ports.sort(PortsDisplay::order);
    Map<String, Group> groups = new LinkedHashMap<>();
    List<String> result = new ArrayList<>();
    List<String> mappings = new ArrayList<>();
    for (Publisher p : ports) {
      String key = nz(p.protocol());
      if (!nz(p.url()).isEmpty()) {
        if (p.publishedPort() != p.targetPort()) {
          mappings.add(
              hostPort(p.url(), p.publishedPort()) + "->" + p.targetPort() + "/" + p.protocol());
          continue;
        }
        key = p.url() + "/" + p.protocol();
      }
      Group g = groups.get(key);
      if (g != null && p.targetPort() == g.last + 1) {
        g.last = p.targetPort();
      } else {
        if (g != null) {
          result.add(format(key, g));
        }
        groups.put(key, new Group(p.targetPort()));
      }
    }
    groups.forEach((key, g) -> result.add(format(key, g)));
    result.addAll(mappings);
    return String.join(", ", result);
  }

  private static String format(String key, Group g) {
    int slash = key.lastIndexOf('/');
    String ip = slash >= 0 ? key.substring(0, slash) : "";
    String proto = slash >= 0 ? key.substring(slash + 1) : key;
    String range = g.first == g.last ? Integer.toString(g.first) : g.first + "-" + g.last;
    return ip.isEmpty()
        ? range + "/" + proto
        : hostAddr(ip) + ":" + range + "->" + range + "/" + proto;
  }

  private static String hostPort(String ip, int port) {
    return hostAddr(ip) + ":" + port;
  }

  private static String hostAddr(String ip) {
    return ip.contains(":") ? "[" + ip + "]" : ip;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
