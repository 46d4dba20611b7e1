package dev.jcompose.netmgr.dns;

import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The host's upstream resolvers from resolv.conf, re-read when the file changes (aardvark does the
 * same with inotify; checking the mtime per forwarded query is cheap enough). Keeps at most three,
 * like docker's maxExtDNS.
 */
public final class HostResolvers implements Supplier<List<SocketAddress>> {
  private static final int MAX = 3;
  private final Path file;
  private volatile FileTime seen;
  private volatile List<SocketAddress> servers = List.of();

  public HostResolvers(Path file) {
    this.file = file;
  }

  @Override
  public List<SocketAddress> get() {
    try {
      FileTime now = Files.getLastModifiedTime(file);
      if (!now.equals(seen)) {
        servers = parse(Files.readAllLines(file));
        seen = now;
      }
    } catch (IOException e) {
      servers = List.of();
    }
    return servers;
  }

  /** {@code nameserver} lines in order; a server may be "ip" or "ip:port" (for tests). */
  static List<SocketAddress> parse(List<String> lines) {
    List<SocketAddress> out = new ArrayList<>();
    for (String line : lines) {
      String[] f = line.strip().split("\\s+", -1);
      if (f.length >= 2 && f[0].equals("nameserver") && out.size() < MAX) {
        out.add(address(f[1]));
      }
    }
    return out;
  }

  /** "1.2.3.4" -> port 53; "1.2.3.4:5353" -> that port. IPv6 literals keep port 53. */
  public static SocketAddress address(String server) {
    int colon = server.lastIndexOf(':');
    if (colon > 0 && server.indexOf(':') == colon) {
      return SocketAddress.inetSocketAddress(
          Integer.parseInt(server.substring(colon + 1)), server.substring(0, colon));
    }
    return SocketAddress.inetSocketAddress(53, server);
  }
}
