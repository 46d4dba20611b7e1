package dev.jcompose.netmgr.e2e;

import dev.jcompose.netmgr.sys.Exec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;

/** "The outside": a netns behind a veth from the host (jcup…), 10.250.77.0/30, host side .1. */
final class UpstreamHost implements AutoCloseable {
  static final String HOST_SIDE = "10.250.77.1";
  static final String REMOTE = "10.250.77.2";
  private final TestNetns ns;
  private final String hostIf;

  private UpstreamHost(TestNetns ns, String hostIf) {
    this.ns = ns;
    this.hostIf = hostIf;
  }

  static UpstreamHost create() {
    TestNetns ns = TestNetns.create("up");
    String hostIf = "jcup" + (ProcessHandle.current().pid() % 100000);
    Exec.run(
        List.of("ip", "-batch", "-"),
        String.join(
                "\n",
                "link add " + hostIf + " type veth peer name up0 netns " + ns.path(),
                "addr add " + HOST_SIDE + "/30 dev " + hostIf,
                "link set " + hostIf + " up")
            + "\n");
    Exec.run(
        List.of("ip", "netns", "exec", ns.name(), "ip", "-batch", "-"),
        "addr add " + REMOTE + "/30 dev up0\nlink set up0 up\nlink set lo up\n");
    return new UpstreamHost(ns, hostIf);
  }

  TestNetns ns() {
    return ns;
  }

  /** Waits for an established TCP connection in the upstream netns and returns its peer. */
  static String awaitPeer(TestNetns ns) {
    AtomicReference<String> peer = new AtomicReference<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              String out = ns.exec("ss", "-Htn", "state", "established").stdout().strip();
              if (out.isEmpty()) {
                return false;
              }
              String[] f = out.lines().findFirst().orElseThrow().strip().split("\\s+");
              peer.set(f[f.length - 1]);
              return true;
            });
    return peer.get();
  }

  @Override
  public void close() {
    Exec.tryRun(List.of("ip", "link", "del", hostIf), "");
    ns.close();
  }
}
