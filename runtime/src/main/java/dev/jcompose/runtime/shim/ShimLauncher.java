package dev.jcompose.runtime.shim;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs {@code jcshim create <config>}: the launched process forks the detached monitor, prints one
 * line ("pid <n>" or "err <errno> <message>") and exits; the monitor keeps running without any fd
 * of ours. ProcessBuilder's spawn helper closes the JVM's other fds, and the shim closes any left.
 */
public final class ShimLauncher {
  private static final long LAUNCH_TIMEOUT_S = 30;
  private final Supplier<Path> install;
  private volatile Path binary;

  public ShimLauncher(Path binary) {
    this(() -> binary);
  }

  /**
   * {@code install} gives the binary's path, installing it if needed; it runs on the first launch,
   * so a runtime that only reads state (the CLI's logs) never installs or hashes the shim.
   */
  public ShimLauncher(Supplier<Path> install) {
    this.install = install;
  }

  public Path binary() {
    Path b = binary;
    if (b == null) {
      b = install.get();
      binary = b;
    }
    return b;
  }

  /** Starts a monitor for the config; returns the container init's host pid. */
  public int create(Path config) {
    String line = run(List.of(binary().toString(), "create", config.toString()));
    ShimError err = ShimError.parse(line);
    if (err != null) {
      throw err.toException("container setup failed");
    }
    if (line == null || !line.startsWith("pid ")) {
      throw new ContainerException(Kind.INTERNAL, "unexpected reply from jcshim create: " + line);
    }
    return Integer.parseInt(line.substring(4).strip());
  }

  /** Detaches a mount (netns binds); missing mounts are fine. */
  public void umount(Path target) {
    String line = run(List.of(binary().toString(), "umount", target.toString()));
    ShimError err = ShimError.parse(line);
    if (err != null) {
      throw err.toException("umount " + target);
    }
  }

  /** Starts {@code jcshim exec <config>} with its stdio as pipes to the caller. */
  public Process exec(Path config) throws IOException {
    return new ProcessBuilder(binary().toString(), "exec", config.toString()).start();
  }

  private static String run(List<String> cmd) {
    try {
      Process p =
          new ProcessBuilder(cmd)
              .redirectInput(new File("/dev/null"))
              .redirectErrorStream(true)
              .start();
      String out = readLine(p.getInputStream());
      if (!p.waitFor(LAUNCH_TIMEOUT_S, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new ContainerException(Kind.INTERNAL, String.join(" ", cmd) + " did not finish");
      }
      return out;
    } catch (IOException e) {
      throw new ContainerException(
          Kind.UNAVAILABLE, "cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContainerException(Kind.INTERNAL, "interrupted while running jcshim", e);
    }
  }

  /** Reads the first line only: the monitor's children may keep the pipe open afterwards. */
  private static String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    byte[] one = new byte[1];
    while (in.read(one) == 1 && one[0] != '\n') {
      sb.append((char) (one[0] & 0xff));
    }
    return sb.length() == 0
        ? null
        : new String(sb.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }
}
