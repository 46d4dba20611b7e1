package dev.jcompose.cli.command;

import dev.jcompose.cli.option.ProjectOptions;
import dev.jcompose.model.api.LoadOptions;
import dev.jcompose.model.api.Project;
import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.LogReader;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.cgroup.CgroupDrivers;
import dev.jcompose.runtime.container.LinuxContainerRuntime;
import dev.jcompose.runtime.logs.CriLogReader;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.client.EngineLauncher;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the verbs share: the global project flags, the project loader, and the three doors out of
 * the CLI — the engine (through its socket, started on demand), and for engine-less verbs
 * ({@code logs}, {@code exec}) the container runtime and log reader directly. The suppliers are
 * fields so tests can put fakes behind them.
 */
final class CommandContext {
  static Supplier<ComposeService> engine = () -> EngineLauncher.forThisJvm(System.getenv()).ensureRunning();
  static Supplier<ContainerRuntime> runtime = () -> new LinuxContainerRuntime(RuntimePaths.fromEnvironment(System.getenv()), CgroupDrivers.detect());
  static Supplier<LogReader> logReader = CriLogReader::new;

  private CommandContext() {}

  static ProjectOptions options(CommandSpec spec) {
    return (ProjectOptions) spec.root().mixins().get("project").userObject();
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
