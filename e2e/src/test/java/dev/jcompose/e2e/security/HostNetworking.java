package dev.jcompose.e2e.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the input attacks are checked against on the host: namespaces, nft tables, sysctls. */
final class HostNetworking {
  private HostNetworking() {}

  static List<String> netns() {
    return run("ip", "netns", "list").lines().map(l -> l.split(" ")[0]).toList();
  }

  static void deleteNetns(String name) {
    run("ip", "netns", "del", name);
  }

  /** {@code nft list tables}, one "table FAMILY NAME" per line. */
  static List<String> nftTables() {
    return run("nft", "list", "tables").lines().map(String::strip).toList();
  }

  static String nftTable(String name) {
    return run("nft", "list", "table", "inet", name);
  }

  static String sysctl(String key) {
    try {
      return Files.readString(Path.of("/proc/sys", key.replace('.', '/')));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void setSysctl(String key, String value) {
    try {
      Files.writeString(Path.of("/proc/sys", key.replace('.', '/')), value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a host command with a timeout and returns its output (stderr included). */
  static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in 30 s");
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
