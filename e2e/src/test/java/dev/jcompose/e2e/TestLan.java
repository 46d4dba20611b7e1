package dev.jcompose.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the host's LAN that no packet can leave: a veth pair whose host end ({@link
 * #parent}) is what a macvlan/ipvlan network hangs off, and whose other end is the one host of
 * {@code 192.168.77.0/24} ({@link #HOST}), in a namespace of the test. Closing deletes both.
 */
final class TestLan implements AutoCloseable {
  static final String HOST = "192.168.77.1";
  final String parent;
  private final String netns;

  private TestLan(String parent, String netns) {
    this.parent = parent;
    this.netns = netns;
  }

  static TestLan create() {
    long pid = ProcessHandle.current().pid();
    TestLan lan = new TestLan("jctpar" + pid % 10_000_000, "jctest-lan-" + pid);
    run("ip", "netns", "add", lan.netns);
    run(
        "ip",
        "link",
        "add",
        lan.parent,
        "type",
        "veth",
        "peer",
        "name",
        "lan0",
        "netns",
        lan.netns);
    run("ip", "link", "set", lan.parent, "up");
    run("ip", "-n", lan.netns, "addr", "add", HOST + "/24", "dev", "lan0");
    run("ip", "-n", lan.netns, "link", "set", "lan0", "up");
    return lan;
  }

  /** Whether the host's kernel has links of {@code kind} (ipvlan is a module some kernels lack). */
  boolean kernelHas(String kind) {
    return !run("ip", "-n", netns, "link", "add", "probe0", "type", kind)
        .contains("Unknown device type");
  }

  @Override
  public void close() {
    run("ip", "link", "del", parent);
    run("ip", "netns", "del", netns);
  }

  /** A host command with a timeout; its output, stderr included. */
  static String run(String... command) {
    try {
      Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
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
