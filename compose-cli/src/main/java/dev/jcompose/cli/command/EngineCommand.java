package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
import dev.jcompose.scheduler.api.EngineControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code jcompose engine status|start|stop|install}: the engine runs by itself (the CLI starts it
 * on demand); these verbs inspect it, start it ahead of need, stop it (containers keep running), or
 * install a systemd unit so it starts at boot and brings back {@code restart:
 * always/unless-stopped} services.
 */
public final class EngineCommand extends Group {
  static final Path UNIT = Path.of("/etc/systemd/system/jcompose-engine.service");

  public EngineCommand() {
    super(
        "engine",
        "Manage the jcompose engine",
        List.of(
            Sub.of(Status.SPEC, Status::new),
            Sub.of(Start.SPEC, Start::new),
            Sub.of(Stop.SPEC, Stop::new),
            Sub.of(Install.SPEC, Install::new)));
  }

  static final class Status implements Command {
    static final VerbSpec SPEC =
        VerbSpec.of("Show whether the engine runs (exit 1 if not)", "engine", "status").build();

    @Override
    public VerbSpec spec() {
      return SPEC;
    }

    @Override
    public int run(Args args) {
      Optional<EngineControl.Status> s = CommandContext.engineControl.get().status();
      if (s.isEmpty()) {
        Invocation.current().out().println("jcompose engine is not running");
        return 1;
      }
      printRunning(s.get());
      return 0;
    }
  }

  static void printRunning(EngineControl.Status s) {
    Invocation.current()
        .out()
        .println(
            "jcompose engine is running (pid "
                + s.pid()
                + ", version "
                + s.version()
                + ", API "
                + s.apiVersion()
                + ")");
  }

  /** Starts the engine now, as the first verb that needs it would; a running one is kept. */
  static final class Start implements Command {
    static final VerbSpec SPEC =
        VerbSpec.of(
                "Start the engine unless it runs (verbs start it when they need it)",
                "engine",
                "start")
            .build();

    @Override
    public VerbSpec spec() {
      return SPEC;
    }

    @Override
    public int run(Args args) {
      printRunning(CommandContext.engineControl.get().start());
      return 0;
    }
  }

  static final class Stop implements Command {
    static final VerbSpec SPEC =
        VerbSpec.of("Stop the engine; containers keep running", "engine", "stop").build();

    @Override
    public VerbSpec spec() {
      return SPEC;
    }

    @Override
    public int run(Args args) {
      Invocation.current()
          .out()
          .println(
              CommandContext.engineControl.get().stop()
                  ? "jcompose engine stopped"
                  : "jcompose engine is not running");
      return 0;
    }
  }

  static final class Install implements Command {
    private static final Opt PRINT = Opt.flag("Print the unit instead of writing it", "--print");
    static final VerbSpec SPEC =
        VerbSpec.of("Install a systemd unit that starts the engine at boot", "engine", "install")
            .options(PRINT)
            .build();

    @Override
    public VerbSpec spec() {
      return SPEC;
    }

    @Override
    public int run(Args args) throws IOException {
      String unit = CommandContext.engineControl.get().systemdUnit();
      if (args.has(PRINT)) {
        Invocation.current().out().print(unit);
        return 0;
      }
      Files.writeString(UNIT, unit);
      Invocation.current()
          .out()
          .println(
              "wrote "
                  + UNIT
                  + "; enable it with: systemctl daemon-reload && systemctl enable --now jcompose-engine");
      return 0;
    }
  }
}
