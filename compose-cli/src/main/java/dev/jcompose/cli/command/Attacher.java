package dev.jcompose.cli.command;

import dev.jcompose.cli.output.LogPrefixes;
import dev.jcompose.cli.output.LogPrinter;
import dev.jcompose.cli.output.ProgressPrinter;
import dev.jcompose.model.api.Project;
import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.LogReader;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ContainerSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The attached part of {@code up}: follows every container's log (read from the log files, lines
 * since {@code up} began), reports exits as docker compose does ({@code web-1 exited with code 0}),
 * and returns when all containers have exited for good. Ctrl-C stops the project's containers
 * (they are kept, not removed); a second Ctrl-C stops them without grace period.
 */
final class Attacher {
  private final ComposeService engine;
  private final ContainerRuntime runtime;
  private final LogReader logs;
  private final Project project;
  private final AttachSettings settings;
  private final AtomicBoolean stopping = new AtomicBoolean();

  Attacher(ComposeService engine, ContainerRuntime runtime, LogReader logs, Project project, AttachSettings settings) {
    this.engine = engine;
    this.runtime = runtime;
    this.logs = logs;
    this.project = project;
    this.settings = settings;
  }

  int run(List<ContainerSummary> containers, Instant since) {
    List<ContainerSummary> attached = new ArrayList<>(containers);
    attached.sort(Comparator.comparing(ContainerSummary::name));
    LogPrinter printer = new LogPrinter(System.out, System.err, new LogPrefixes(settings.color()), settings.prefix(), settings.timestamps(), true);
    List<String> names = attached.stream().map(c -> LogPrefixes.displayName(project.name(), c.name())).toList();
    names.forEach(printer.prefixes()::register);
    System.out.println("Attaching to " + String.join(", ", names));
    System.out.flush();
    Interrupts.install(() -> stop(settings.stopTimeout(), "Gracefully Stopping... press Ctrl+C again to force"), () -> stop(0, null));
    LinkedBlockingQueue<Exited> exits = new LinkedBlockingQueue<>();
    Map<String, Integer> codes = new ConcurrentHashMap<>();
    CountDownLatch all = new CountDownLatch(attached.size());
    for (ContainerSummary c : attached) {
      ContainerWatch watch = new ContainerWatch(runtime, logs, printer, project.services().get(c.service()), stopping);
      Thread t = new Thread(() -> {
        int code = watch.follow(c.name(), LogPrefixes.displayName(project.name(), c.name()), since);
        codes.put(c.service(), code);
        exits.add(new Exited(c.service(), code));
        all.countDown();
      }, "attach-" + c.name());
      t.setDaemon(true);
      t.start();
    }
    return settings.abortOnExit() ? abortOnFirstExit(exits, all, codes) : awaitAll(all);
  }

  private int abortOnFirstExit(LinkedBlockingQueue<Exited> exits, CountDownLatch all, Map<String, Integer> codes) {
    Exited first = take(exits);
    if (first != null && !stopping.get()) {
      System.out.println("Aborting on container exit...");
      System.out.flush();
      stop(settings.stopTimeout(), null);
    }
    awaitAll(all);
    if (settings.exitCodeFrom() != null) {
      return codes.getOrDefault(settings.exitCodeFrom(), 0);
    }
    return first == null ? 0 : first.code();
  }

  private int awaitAll(CountDownLatch all) {
    try {
      all.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private void stop(Integer timeout, String message) {
    stopping.set(true);
    if (message != null) {
      System.err.println(message);
    }
    engine.stop(project.name(), List.of(), timeout, new ProgressPrinter(System.err, false));
  }

  private static Exited take(LinkedBlockingQueue<Exited> exits) {
    try {
      return exits.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private record Exited(String service, int code) {}
}
