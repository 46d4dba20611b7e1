package dev.jcompose.cli.command;

import dev.jcompose.scheduler.api.EngineControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose engine status|stop|install}: the engine runs by itself (the CLI starts it on
 * demand); these verbs inspect it, stop it (containers keep running), or install a systemd unit so
 * it starts at boot and brings back {@code restart: always/unless-stopped} services.
 */
@Command(
    name = "engine",
    description = "Manage the jcompose engine",
    subcommands = {
      EngineCommand.Status.class,
      EngineCommand.Stop.class,
      EngineCommand.Install.class
    })
public final class EngineCommand implements Runnable {
  static final Path UNIT = Path.of("/etc/systemd/system/jcompose-engine.service");

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "status", description = "Show whether the engine runs (exit 1 if not)")
  static final class Status implements Callable<Integer> {
    @Override
    public Integer call() {
      Optional<EngineControl.Status> s = CommandContext.engineControl.get().status();
      if (s.isEmpty()) {
        System.out.println("jcompose engine is not running");
        return 1;
      }
      System.out.println(
          "jcompose engine is running (pid "
              + s.get().pid()
              + ", version "
              + s.get().version()
              + ", API "
              + s.get().apiVersion()
              + ")");
      return 0;
    }
  }

  @Command(name = "stop", description = "Stop the engine; containers keep running")
  static final class Stop implements Callable<Integer> {
    @Override
    public Integer call() {
      System.out.println(
          CommandContext.engineControl.get().stop()
              ? "jcompose engine stopped"
              : "jcompose engine is not running");
      return 0;
    }
  }

  @Command(name = "install", description = "Install a systemd unit that starts the engine at boot")
  static final class Install implements Callable<Integer> {
    @Option(names = "--print", description = "Print the unit instead of writing it")
    boolean print;

    @Override
    public Integer call() throws IOException {
      String unit = CommandContext.engineControl.get().systemdUnit();
      if (print) {
        System.out.print(unit);
        return 0;
      }
      Files.writeString(UNIT, unit);
      System.out.println(
          "wrote "
              + UNIT
              + "; enable it with: systemctl daemon-reload && systemctl enable --now jcompose-engine");
      return 0;
    }
  }
}
