package dev.jcompose.scheduler.ops;

import dev.jcompose.model.api.ServiceLifecycle;
import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ExecSession;
import dev.jcompose.runtime.api.ExecSpec;
import dev.jcompose.scheduler.api.ComposeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a service's {@code post_start} / {@code pre_stop} hooks in a container as docker compose
 * does (pkg/compose/hook.go): an exec with the hook's user, working dir, environment and
 * privileges; its output shown as "<container> -> line"; a non-zero exit fails the step with
 * "<service> hook exited with status N: <last lines>" (stderr preferred, as compose does).
 */
public final class HookRunner {
  private static final long TIMEOUT_MINUTES = 10;
  private static final int TAIL_LINES = 10;
  private final ContainerRuntime runtime;

  public HookRunner(ContainerRuntime runtime) {
    this.runtime = runtime;
  }

  public void run(
      String container, String service, List<ServiceLifecycle.Hook> hooks, Progress progress) {
    for (ServiceLifecycle.Hook hook : hooks) {
      runOne(container, service, hook, progress);
    }
  }

  private void runOne(
      String container, String service, ServiceLifecycle.Hook hook, Progress progress) {
    List<String> env = new ArrayList<>();
    hook.environment().forEach((k, v) -> env.add(k + "=" + v));
    ExecSession s =
        runtime.exec(
            container,
            new ExecSpec(
                hook.command(),
                env,
                hook.workingDir(),
                hook.user(),
                false,
                false,
                hook.privileged()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      s.stdin().close();
      Thread o = drain(s.stdout(), out);
      Thread e = drain(s.stderr(), err);
      int code = s.exitCode().get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
      o.join(2000);
      e.join(2000);
      text(out).lines().forEach(l -> progress.emit(container + " ->", l, ""));
      text(err).lines().forEach(l -> progress.emit(container + " ->", l, ""));
      if (code != 0) {
        String tail = tail(text(err).isBlank() ? text(out) : text(err));
        throw new ComposeException(
            ComposeException.Kind.INVALID,
            service + " hook exited with status " + code + (tail.isEmpty() ? "" : ": " + tail));
      }
    } catch (IOException | ExecutionException | TimeoutException e) {
      throw new ComposeException(
          ComposeException.Kind.INTERNAL, service + " hook failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ComposeException(ComposeException.Kind.INTERNAL, service + " hook interrupted");
    }
  }

  private static Thread drain(InputStream in, ByteArrayOutputStream out) {
    Thread t =
        new Thread(
            () -> {
              try (in) {
                in.transferTo(out);
              } catch (IOException ignored) {
                // a hook that closes its output early ends the copy
              }
            },
            "hook-output");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static String text(ByteArrayOutputStream b) {
    synchronized (b) {
      return b.toString(StandardCharsets.UTF_8);
    }
  }

  private static String tail(String output) {
    List<String> lines = output.strip().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
  }
}
