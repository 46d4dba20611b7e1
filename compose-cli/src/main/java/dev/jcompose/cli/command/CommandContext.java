package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.console.Invocation;
import dev.jcompose.cli.option.ProjectOptions;
import dev.jcompose.cli.output.ProgressPrinter;
import dev.jcompose.model.api.LoadOptions;
import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.CallSettings;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ComposeServices;
import dev.jcompose.scheduler.api.EngineControl;
import dev.jcompose.scheduler.api.Event;
import java.io.PrintStream;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the verbs share: the global project flags, the project loader, and the one door out of the
 * CLI, the compose service (engine verbs through the engine, started on demand; the others in this
 * process). The suppliers are fields so tests can put fakes behind them.
 */
public final class CommandContext {
  private static final Supplier<ComposeService> REAL = CommandContext::real;
  static Supplier<ComposeService> compose = REAL;
  static Supplier<EngineControl> engineControl =
      () -> ComposeServices.engineFor(Invocation.current().env());

  /**
   * The compose service for the global flags ({@code --dry-run}, {@code --parallel}): {@link
   * #compose} for the defaults, else one that carries them to the engine.
   */
  static Function<CallSettings, ComposeService> services =
      s ->
          // a replaced compose (a test's fake, the launcher's training engine) is used as is
          s.equals(CallSettings.DEFAULT) || compose != REAL
              ? compose.get()
              : ComposeServices.forEnvironment(Invocation.current().env(), s);

  private CommandContext() {}

  private static ComposeService real() {
    return ComposeServices.forEnvironment(Invocation.current().env());
  }

  /**
   * The compose service the verbs use from now on (the launcher's training run points it at a
   * stand-in engine; tests in this package set the field).
   */
  public static void useCompose(Supplier<ComposeService> service) {
    compose = service;
  }

  /**
   * The compose service with this command's global flags ({@code --dry-run}, {@code --parallel}).
   */
  static ComposeService compose(Args args) {
    CallSettings s = new CallSettings(ProjectOptions.dryRun(args), ProjectOptions.parallel(args));
    return services.apply(s);
  }

  /** Where progress goes: stderr, in the form {@code --progress} and {@code --ansi} ask for. */
  static Consumer<Event> progress(Args args) {
    return progress(args, false);
  }

  static Consumer<Event> progress(Args args, boolean quietPull) {
    return ProgressPrinter.of(
        Invocation.current().err(),
        ProjectOptions.progress(args),
        Terminal.attached(),
        ansi(args),
        quietPull);
  }

  /** The progress form {@code --progress} and {@code --ansi} come to: plain, tty, json or quiet. */
  static String progressMode(Args args) {
    return ProgressPrinter.mode(ProjectOptions.progress(args), Terminal.attached(), ansi(args));
  }

  /** Standard output, as main's verbs write it (the caller flushes). */
  static PrintStream out() {
    return Invocation.current().out();
  }

  /** Standard error (the caller flushes). */
  static PrintStream err() {
    return Invocation.current().err();
  }

  /** Progress nobody sees ({@code run -q}). */
  static Consumer<Event> quiet() {
    return e -> {};
  }

  /** Colours and cursor movement: {@code --ansi always}, or auto on a terminal without NO_COLOR. */
  static boolean ansi(Args args) {
    String when = ProjectOptions.ansi(args);
    return when.equals("always")
        || (when.equals("auto")
            && Terminal.attached()
            && Invocation.current().env("NO_COLOR") == null);
  }

  static LoadOptions loadOptions(Args args) {
    return ProjectOptions.of(args).toLoadOptions(true);
  }

  static Project loadProject(Args args) {
    return ProjectSource.load(loadOptions(args));
  }

  /**
   * The project name: {@code -p} as given — docker compose then needs no compose file for verbs
   * that act on existing containers (ps, down, stop, logs...) — else the name the compose files
   * give, found without loading the whole project.
   */
  static String projectName(Args args) {
    LoadOptions load = loadOptions(args);
    return load.projectName() != null ? load.projectName() : ProjectSource.name(load);
  }

  /** The project if its compose file can be loaded, else null (down/stop by {@code -p} alone). */
  static Project projectIfAvailable(Args args) {
    LoadOptions load = loadOptions(args);
    if (load.projectName() == null) {
      return ProjectSource.load(load);
    }
    try {
      return ProjectSource.load(load);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
