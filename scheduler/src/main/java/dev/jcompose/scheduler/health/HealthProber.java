package dev.jcompose.scheduler.health;

import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ExecSession;
import dev.jcompose.runtime.api.ExecSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * Probes one running container on a timer: execs the healthcheck inside the container (through the
 * runtime's shim-based exec), feeds the result to a {@link HealthState} and reports transitions at
 * once. Lifecycle: {@link #start} when the container starts, {@link #stop} when it exits.
 */
public final class HealthProber {
  private static final int MAX_OUTPUT = 4096;

  private final String container;
  private final HealthSpec spec;
  private final ContainerRuntime runtime;
  private final ScheduledExecutorService timer;
  private final Clock clock;
  private final BiConsumer<String, HealthState> onTransition;
  private final HealthState state;
  private volatile ScheduledFuture<?> next;
  private volatile boolean stopped;

  public HealthProber(
      String container,
      HealthSpec spec,
      ContainerRuntime runtime,
      ScheduledExecutorService timer,
      Clock clock,
      BiConsumer<String, HealthState> onTransition) {
    this.container = container;
    this.spec = spec;
    this.runtime = runtime;
    this.timer = timer;
    this.clock = clock;
    this.onTransition = onTransition;
    this.state = new HealthState(spec, clock.instant());
  }

  public void start() {
    schedule();
  }

  public void stop() {
    stopped = true;
    ScheduledFuture<?> f = next;
    if (f != null) {
      f.cancel(false);
    }
  }

  public HealthState state() {
    return state;
  }

  private void schedule() {
    if (!stopped) {
      next =
          timer.schedule(
              this::probe, state.nextDelay(clock.instant()).toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void probe() {
    if (stopped) {
      return;
    }
    Instant start = clock.instant();
    HealthState.Result r = runOnce(start);
    boolean changed;
    synchronized (state) {
      changed = state.record(r);
    }
    if (changed && !stopped) {
      onTransition.accept(container, state);
    }
    schedule();
  }

  private HealthState.Result runOnce(Instant start) {
    try {
      ExecSession s =
          runtime.exec(container, new ExecSpec(spec.argv(), List.of(), null, null, false, false));
      s.stdin().close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Thread reader = daemon(() -> drain(s.stdout(), out));
      daemon(() -> drain(s.stderr(), out));
      int code = s.exitCode().get(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
      reader.join(200);
      return new HealthState.Result(start, clock.instant(), code, text(out));
    } catch (TimeoutException e) {
      return new HealthState.Result(
          start, clock.instant(), -1, "Health check exceeded timeout (" + spec.timeout() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new HealthState.Result(start, clock.instant(), -1, "interrupted");
    } catch (Exception e) {
      return new HealthState.Result(start, clock.instant(), -1, String.valueOf(e.getMessage()));
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "health-output");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void drain(InputStream in, ByteArrayOutputStream out) {
    byte[] buf = new byte[1024];
    try (in) {
      for (int n; (n = in.read(buf)) > 0; ) {
        synchronized (out) {
          if (out.size() < MAX_OUTPUT) {
            out.write(buf, 0, Math.min(n, MAX_OUTPUT - out.size()));
          }
        }
      }
    } catch (IOException ignored) {
      // The probe's output is informational; a broken pipe ends it.
    }
  }

  private static String text(ByteArrayOutputStream out) {
    synchronized (out) {
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
