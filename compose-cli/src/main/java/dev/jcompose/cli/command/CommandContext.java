package dev.jcompose.cli.command;

import dev.jcompose.cli.option.ProjectOptions;
import dev.jcompose.cli.output.ProgressPrinter;
import dev.jcompose.model.api.LoadOptions;
import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.CallSettings;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ComposeServices;
import dev.jcompose.scheduler.api.EngineControl;
import dev.jcompose.scheduler.api.Event;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the verbs share: the global project flags, the project loader, and the one door out of the
 * CLI, the compose service (engine verbs through the engine, started on demand; the others in this
 * process). The suppliers are fields so tests can put fakes behind them.
 */
final class CommandContext {
  static Function<CallSettings, ComposeService> services =
      s -> ComposeServices.forEnvironment(System.getenv(), s);
  static Supplier<EngineControl> engineControl = () -> ComposeServices.engineFor(System.getenv());

  private CommandContext() {}

  static ProjectOptions options(CommandSpec spec) {
    return (ProjectOptions) spec.root().mixins().get("project").userObject();
  }

  /**
   * The compose service with this command's global flags ({@code --dry-run}, {@code --parallel}).
   */
  static ComposeService compose(CommandSpec spec) {
    ProjectOptions o = options(spec);
    return services.apply(new CallSettings(o.dryRun(), o.parallel()));
  }

  /** Where progress goes: stderr, in the form {@code --progress} and {@code --ansi} ask for. */
  static Consumer<Event> progress(CommandSpec spec) {
    return progress(spec, false);
  }

  static Consumer<Event> progress(CommandSpec spec, boolean quietPull) {
    ProjectOptions o = options(spec);
    return ProgressPrinter.of(System.err, o.progress(), Terminal.attached(), ansi(spec), quietPull);
  }

  /** Progress nobody sees ({@code run -q}). */
  static Consumer<Event> quiet() {
    return e -> {};
  }

  /** Colours and cursor movement: {@code --ansi always}, or auto on a terminal without NO_COLOR. */
  static boolean ansi(CommandSpec spec) {
    String when = options(spec).ansi();
    return when.equals("always")
        || (when.equals("auto") && Terminal.attached() && System.getenv("NO_COLOR") == null);
  }

  static LoadOptions loadOptions(CommandSpec spec) {
    return options(spec).toLoadOptions(true);
  }

  static Project loadProject(CommandSpec spec) {
    return ProjectSource.load(loadOptions(spec));
  }

  /**
   * The project name: {@code -p} as given — docker compose then needs no compose file for verbs
   * that act on existing containers (ps, down, stop, logs...) — else the loaded project's name.
   */
  static String projectName(CommandSpec spec) {
    LoadOptions load = loadOptions(spec);
    return load.projectName() != null ? load.projectName() : ProjectSource.load(load).name();
  }

  /** The project if its compose file can be loaded, else null (down/stop by {@code -p} alone). */
  static Project projectIfAvailable(CommandSpec spec) {
    LoadOptions load = loadOptions(spec);
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
