package dev.jcompose.cli.command;

import dev.jcompose.cli.console.Invocation;
import dev.jcompose.cli.output.LogPrefixes;
import dev.jcompose.cli.output.LogPrinter;
import dev.jcompose.cli.output.ProgressPrinter;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.Event;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The attached part of {@code up}: prints every container's log lines since {@code up} began and
 * follows the engine's event stream for their exits, reported as docker compose does ({@code web-1
 * exited with code 0}, with "(restarting)" when the engine's die event says it will start the
 * container again). Returns when all containers have exited for good. Ctrl-C stops the project's
 * containers (they are kept, not removed); a second Ctrl-C stops them without grace period.
 */
final class Attacher {
  private final ComposeService compose;
  private final String project;
  private final AttachSettings settings;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final Map<String, AttachedContainer> attached = new LinkedHashMap<>();
  private final LinkedBlockingQueue<AttachedContainer.Exit> exits = new LinkedBlockingQueue<>();
  private CountDownLatch remaining;

  Attacher(ComposeService compose, String project, AttachSettings settings) {
    this.compose = compose;
    this.project = project;
    this.settings = settings;
  }

  int run(List<ContainerSummary> containers, Instant since) {
    LogPrinter printer =
        new LogPrinter(
            Invocation.current().out(),
            Invocation.current().err(),
            new LogPrefixes(settings.color()),
            settings.prefix(),
            settings.timestamps(),
            true);
    containers.stream()
        .sorted(Comparator.comparing(ContainerSummary::name))
        .forEach(
            c ->
                attached.put(
                    c.name(),
                    new AttachedContainer(c, LogPrefixes.displayName(project, c.name()), printer)));
    attached.values().forEach(a -> printer.prefixes().register(a.display()));
    Invocation.current()
        .out()
        .println(
            "Attaching to "
                + String.join(
                    ", ", attached.values().stream().map(AttachedContainer::display).toList()));
    Invocation.current().out().flush();
    Interrupts.install(
        () -> stop(settings.stopTimeout(), "Gracefully Stopping... press Ctrl+C again to force"),
        () -> stop(0, null));
    remaining = new CountDownLatch(attached.size());
    attached.values().forEach(a -> a.followLogs(compose, project, since));
    followEvents(since);
    return settings.abortOnExit() || settings.abortOnFailure() ? abortOnFirstExit() : awaitAll();
  }

  /** One thread reads the project's events (from {@code since}: nothing up caused is missed). */
  private void followEvents(Instant since) {
    Thread t =
        new Thread(
            () -> {
              try {
                compose.events(project, since, this::onEvent, () -> remaining.getCount() == 0);
              } catch (RuntimeException e) {
                Invocation.current()
                    .err()
                    .println(
                        "lost the engine's events ("
                            + e.getMessage()
                            + "): no longer following the containers");
                attached.values().forEach(a -> finish(a, 0));
              }
            },
            "attach-events");
    t.setDaemon(true);
    t.start();
  }

  private void onEvent(Event e) {
    String name =
        e.resource() != null && e.resource().startsWith("Container ")
            ? e.resource().substring(10)
            : "";
    AttachedContainer a = attached.get(name);
    if (a == null) {
      return;
    }
    Integer died = a.onEvent(e, stopping.get());
    if (died != null) {
      finish(a, died);
    }
  }

  private void finish(AttachedContainer a, int code) {
    if (a.finish(code)) {
      exits.add(new AttachedContainer.Exit(a.service(), code));
      remaining.countDown();
    }
  }

  private int abortOnFirstExit() {
    AttachedContainer.Exit first = take();
    // --abort-on-container-failure: exits with 0 pass; the first failure (if any) stops the rest
    while (settings.abortOnFailure()
        && first != null
        && first.code() == 0
        && (remaining.getCount() > 0 || !exits.isEmpty())) {
      first = take();
    }
    if (settings.abortOnFailure() && first != null && first.code() == 0) {
      return 0;
    }
    if (first != null && !stopping.get()) {
      Invocation.current().out().println("Aborting on container exit...");
      Invocation.current().out().flush();
      stop(settings.stopTimeout(), null);
    }
    awaitAll();
    if (settings.exitCodeFrom() != null) {
      return attached.values().stream()
          .filter(a -> a.service().equals(settings.exitCodeFrom()))
          .map(AttachedContainer::exitCode)
          .findFirst()
          .orElse(0);
    }
    return first == null ? 0 : first.code();
  }

  private int awaitAll() {
    try {
      remaining.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private void stop(Integer timeout, String message) {
    stopping.set(true);
    if (message != null) {
      Invocation.current().err().println(message);
    }
    compose.stop(
        project, List.of(), timeout, new ProgressPrinter(Invocation.current().err(), false));
  }

  private AttachedContainer.Exit take() {
    try {
      return exits.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
