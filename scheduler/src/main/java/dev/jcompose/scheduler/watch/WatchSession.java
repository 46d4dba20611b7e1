package dev.jcompose.scheduler.watch;

import dev.jcompose.model.api.DevelopConfig;
import dev.jcompose.model.api.Project;
import dev.jcompose.runtime.api.ContainerFiles;
import dev.jcompose.scheduler.api.BuildOptions;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.EngineVerbs;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.PsOptions;
import dev.jcompose.scheduler.api.UpOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code watch}: turns debounced file changes into what the project's {@code develop.watch} rules
 * ask (docker compose's watch): changed files copied into every running container of the service
 * (only what changed, through {@link ContainerFiles}, never following the container's links out of
 * it), deleted ones removed there; then a restart, the sync+exec hooks, or, for rebuild rules, a
 * build and a recreate of that service alone.
 */
public final class WatchSession {
  private static final Duration QUIET = Duration.ofMillis(500);
  private final EngineVerbs engine;
  private final ContainerFiles files;
  private final HookRunner hooks;
  private final Project project;
  private final WatchRules rules;
  private final Consumer<Event> progress;

  /** Runs a sync+exec hook in a container; returns its exit code. */
  @FunctionalInterface
  public interface HookRunner {
    int run(String container, DevelopConfig.ExecHook hook);
  }

  public WatchSession(
      EngineVerbs engine,
      ContainerFiles files,
      HookRunner hooks,
      Project project,
      WatchRules rules,
      Consumer<Event> progress) {
    this.engine = engine;
    this.files = files;
    this.hooks = hooks;
    this.project = project;
    this.rules = rules;
    this.progress = progress;
  }

  /** Watches until {@code stop} is true (checked every 200 ms), after the initial syncs. */
  public void run(BooleanSupplier stop) throws IOException, InterruptedException {
    initialSync();
    try (FileWatcher watcher = new FileWatcher(rules.paths(), QUIET, this::apply)) {
      watcher.start();
      emit(
          "Watch",
          "Watching",
          rules.paths().size() + " path(s) for " + String.join(", ", rules.services()));
      while (!stop.getAsBoolean()) {
        Thread.sleep(200);
      }
    }
  }

  /** Copies everything under the initial_sync rules' paths into the running containers. */
  public void initialSync() throws IOException {
    for (String service : rules.services()) {
      List<FileChange> all = new ArrayList<>();
      for (DevelopConfig.WatchRule r : rules.initialSyncs(service)) {
        Path root = Path.of(r.path());
        if (Files.isRegularFile(root)) {
          all.add(new FileChange(root, false));
          continue;
        }
        try (Stream<Path> s = Files.walk(root)) {
          s.filter(Files::isRegularFile)
              .filter(f -> !rules.ignored(service, r, f))
              .forEach(f -> all.add(new FileChange(f, false)));
        }
      }
      if (!all.isEmpty()) {
        rules.actions(all).stream().filter(a -> a.service().equals(service)).forEach(this::sync);
      }
    }
  }

  /** One debounced batch. */
  public void apply(List<FileChange> batch) {
    for (ServiceActions a : rules.actions(batch)) {
      try {
        if (a.rebuild()) {
          rebuild(a);
        } else {
          sync(a);
          if (a.restart()) {
            emit("Watch " + a.service(), "Restarting", "");
            engine.restart(project.name(), List.of(a.service()), null, progress);
          }
          for (DevelopConfig.ExecHook hook : a.execs()) {
            containers(a.service())
                .forEach(
                    c ->
                        emit(
                            "Watch " + a.service(),
                            "Exec",
                            c + " " + hook.command() + " exited " + hooks.run(c, hook)));
          }
        }
      } catch (RuntimeException e) {
        emit("Watch " + a.service(), "Error", e.getMessage());
      }
    }
  }

  private void sync(ServiceActions a) {
    if (a.copies().isEmpty() && a.removals().isEmpty()) {
      return;
    }
    emit("Watch " + a.service(), "Syncing", a.changes() + " change(s)");
    for (String c : containers(a.service())) {
      a.copies()
          .forEach(
              (target, host) -> {
                if (Files.isRegularFile(host)) {
                  files.write(c, host, target, 0, 0);
                }
              });
      a.removals().forEach(target -> files.delete(c, target));
    }
    emit(
        "Watch " + a.service(),
        "Synced",
        a.copies().size() + " copied, " + a.removals().size() + " removed");
  }

  private void rebuild(ServiceActions a) {
    emit("Watch " + a.service(), "Rebuilding", a.changes() + " change(s)");
    engine.build(project, new BuildOptions(List.of(a.service()), false, false, Map.of()), progress);
    engine.up(
        project,
        UpOptions.builder()
            .services(List.of(a.service()))
            .noDeps(true)
            .buildPolicy("never")
            .build(),
        progress);
    emit("Watch " + a.service(), "Rebuilt", "");
  }

  private List<String> containers(String service) {
    return engine.ps(project.name(), new PsOptions(List.of(service), false, List.of())).stream()
        .filter(c -> !c.name().contains("-run-"))
        .map(ContainerSummary::name)
        .toList();
  }

  private void emit(String resource, String action, String message) {
    try {
      progress.accept(
          new Event(Instant.now(), resource, action, message, Map.of("project", project.name())));
    } catch (RuntimeException ignored) {
      // printing failed: keep watching
    }
  }
}
