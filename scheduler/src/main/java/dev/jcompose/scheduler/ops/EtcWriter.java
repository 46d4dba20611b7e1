package dev.jcompose.scheduler.ops;

import dev.jcompose.model.api.ServiceNetworking;
import dev.jcompose.netmgr.api.Endpoint;
import dev.jcompose.scheduler.convert.ContainerSpecFactory;
import dev.jcompose.scheduler.convert.EtcFiles;
import dev.jcompose.scheduler.convert.ResolvConf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a container's hosts/resolv.conf/hostname files. They are written IN PLACE (same inode), so
 * a bind mount made before the content is known still shows it.
 */
final class EtcWriter {
  private EtcWriter() {}

  /** Creates the (empty) files so the binds have sources. */
  static void prepare(Path dir) {
    try {
      Files.createDirectories(dir);
      for (String f : ContainerSpecFactory.ETC_FILES) {
        Path p = dir.resolve(f);
        if (!Files.exists(p)) {
          Files.createFile(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + dir, e);
    }
  }

  /**
   * Content for a container with its own network namespace; {@code first} may be null (no network),
   * {@code embeddedDns} is the resolver address on its networks (null without one).
   */
  static void write(
      Path dir, ServiceNetworking s, String hostname, Endpoint first, String embeddedDns) {
    String ip = first == null ? null : first.ipv4Address();
    String gw = first == null ? null : first.gateway();
    write(dir.resolve("hosts"), EtcFiles.hosts(s.extraHosts(), gw, ip, hostname, s.domainname()));
    ResolvConf rc = hostResolvConf(s);
    write(
        dir.resolve("resolv.conf"),
        (embeddedDns != null ? rc.forInternalResolver(embeddedDns) : rc.forLegacyNetwork())
            .render());
    write(dir.resolve("hostname"), EtcFiles.hostname(hostname));
  }

  /** network_mode host: the host's own files, as docker copies them. */
  static void writeHost(Path dir, ServiceNetworking s, String hostname) {
    write(
        dir.resolve("hosts"),
        read(Path.of("/etc/hosts"))
            + EtcFiles.hosts(s.extraHosts(), "127.0.0.1", null, null, null)
                .lines()
                .skip(6)
                .map(l -> l + "\n")
                .reduce("", String::concat));
    write(dir.resolve("resolv.conf"), hostResolvConf(s).render());
    write(dir.resolve("hostname"), EtcFiles.hostname(hostname));
  }

  /** The host's resolv.conf with the service's dns, dns_search and dns_opt applied. */
  private static ResolvConf hostResolvConf(ServiceNetworking s) {
    Path source = hostResolvPath();
    return ResolvConf.parse(read(source), source.toString())
        .override(s.dns(), s.dnsSearch(), s.dnsOpt());
  }

  /**
   * /etc/resolv.conf, or systemd-resolved's real upstream list when /etc/resolv.conf only names its
   * stub on 127.0.0.53, which no container can reach (moby resolvconf.Path()).
   */
  static Path hostResolvPath() {
    Path etc = Path.of("/etc/resolv.conf");
    Path resolved = Path.of("/run/systemd/resolve/resolv.conf");
    String text = read(etc);
    boolean stubOnly =
        text.lines()
                .map(String::trim)
                .filter(l -> l.startsWith("nameserver"))
                .allMatch(l -> l.endsWith(" 127.0.0.53"))
            && text.contains("127.0.0.53");
    return stubOnly && Files.exists(resolved) ? resolved : etc;
  }

  private static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static void write(Path p, String content) {
    try {
      Files.writeString(
          p,
          content,
          StandardOpenOption.CREATE,
          StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + p, e);
    }
  }
}
