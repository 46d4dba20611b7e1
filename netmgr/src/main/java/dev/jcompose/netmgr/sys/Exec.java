package dev.jcompose.netmgr.sys;

import dev.jcompose.netmgr.api.NetworkException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs one firewall program ({@code nft}, {@code iptables-restore}) with text on stdin and a hard
 * timeout. The only place in netmgr that forks; everything above talks to {@link
 * dev.jcompose.netmgr.link.LinkOps} or the firewall interface instead.
 */
public final class Exec {
  private static final long TIMEOUT_SECONDS = 20;
  // Own daemon threads: the common pool has one thread on a 2-core host, and stdout + stderr must
  // be drained concurrently or a chatty child blocks on a full pipe.
  private static final ExecutorService DRAINERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "netmgr-exec-drain");
            t.setDaemon(true);
            return t;
          });

  private Exec() {}

  /** Runs {@code command}, feeding {@code stdin}; returns stdout or throws with stderr. */
  public static String run(List<String> command, String stdin) {
    Result r = tryRun(command, stdin);
    if (r.exitCode() != 0) {
      throw new NetworkException(
          NetworkException.Kind.INTERNAL,
          String.join(" ", command)
              + " failed (exit "
              + r.exitCode()
              + "): "
              + r.stderr().strip()
              + (stdin.isEmpty() ? "" : "\ninput was:\n" + stdin));
    }
    return r.stdout();
  }

  /** Like {@link #run} but returns the exit code instead of throwing on failure. */
  public static Result tryRun(List<String> command, String stdin) {
    try {
      Process p = new ProcessBuilder(command).start();
      CompletableFuture<String> out = drain(p.getInputStream());
      CompletableFuture<String> err = drain(p.getErrorStream());
      try (OutputStream in = p.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new NetworkException(
            NetworkException.Kind.UNAVAILABLE, String.join(" ", command) + " timed out");
      }
      return new Result(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new NetworkException(
          NetworkException.Kind.UNAVAILABLE,
          "cannot run " + command.get(0) + ": " + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetworkException(
          NetworkException.Kind.UNAVAILABLE, "interrupted running " + command.get(0), e);
    }
  }

  private static CompletableFuture<String> drain(InputStream s) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (s) {
            return new String(s.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "";
          }
        },
        DRAINERS);
  }

  /** Exit code and captured output of one run. */
  public record Result(int exitCode, String stdout, String stderr) {}
}
