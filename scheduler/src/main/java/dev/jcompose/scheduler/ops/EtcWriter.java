package dev.jcompose.scheduler.ops;

import dev.jcompose.model.api.ServiceNetworking;
import dev.jcompose.netmgr.api.Endpoint;
import dev.jcompose.scheduler.convert.ContainerSpecFactory;
import dev.jcompose.scheduler.convert.EtcFiles;
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
   * Content for a container with its own network namespace; {@code first} may be null (no network).
   */
  static void write(Path dir, ServiceNetworking s, String hostname, Endpoint first) {
    String ip = first == null ? null : first.ipv4Address();
    String gw = first == null ? null : first.gateway();
    write(dir.resolve("hosts"), EtcFiles.hosts(s.extraHosts(), gw, ip, hostname, s.domainname()));
    String resolv =
        first != null && first.dnsServer() != null
            ? EtcFiles.resolvConf(first.dnsServer(), s.dns(), s.dnsSearch(), s.dnsOpt())
            : hostResolv(s);
    write(dir.resolve("resolv.conf"), resolv);
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
    write(dir.resolve("resolv.conf"), hostResolv(s));
    write(dir.resolve("hostname"), EtcFiles.hostname(hostname));
  }

  private static String hostResolv(ServiceNetworking s) {
    if (!s.dns().isEmpty()) {
      return EtcFiles.resolvConf(null, s.dns(), s.dnsSearch(), s.dnsOpt());
    }
    return read(Path.of("/etc/resolv.conf"));
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
