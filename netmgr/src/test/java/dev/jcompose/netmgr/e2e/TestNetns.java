package dev.jcompose.netmgr.e2e;

import dev.jcompose.netmgr.sys.Exec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A named network namespace {@code jctest-…} created and deleted by a test, like netavark's
 * create_netns.
 */
final class TestNetns implements AutoCloseable {
  private final String name;

  private TestNetns(String name) {
    this.name = name;
  }

  static TestNetns create(String suffix) {
    String name = "jctest-" + suffix + "-" + ProcessHandle.current().pid();
    Exec.tryRun(List.of("ip", "netns", "del", name), "");
    Exec.run(List.of("ip", "netns", "add", name), "");
    return new TestNetns(name);
  }

  Path path() {
    return Path.of("/var/run/netns", name);
  }

  String name() {
    return name;
  }

  /** Runs a command inside; returns exit code and output. */
  Exec.Result exec(String... command) {
    List<String> cmd = new ArrayList<>(List.of("timeout", "10", "ip", "netns", "exec", name));
    cmd.addAll(List.of(command));
    return Exec.tryRun(cmd, "");
  }

  /** Starts a long-running command inside (the caller destroys it). */
  Process spawn(String... command) throws java.io.IOException {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name));
    cmd.addAll(List.of(command));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  /**
   * Ends every process still inside (a spawned shell's children outlive the shell), then deletes
   * it.
   */
  @Override
  public void close() {
    for (String pid :
        Exec.tryRun(List.of("ip", "netns", "pids", name), "").stdout().split("\\s+")) {
      if (!pid.isBlank()) {
        Exec.tryRun(List.of("kill", "-9", pid.strip()), "");
      }
    }
    Exec.tryRun(List.of("ip", "netns", "del", name), "");
  }
}
