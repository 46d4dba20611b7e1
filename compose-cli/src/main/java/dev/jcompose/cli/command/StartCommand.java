package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.scheduler.api.StartOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jcompose start}: starts existing containers of services; {@code --wait} until running or
 * healthy.
 */
public final class StartCommand implements Command {
  private static final Opt WAIT_HEALTHY =
      Opt.flag("Wait for services to be running|healthy. Implies detached mode.", "--wait");
  private static final Opt WAIT_TIMEOUT =
      Opt.value(
          "SECONDS",
          "Maximum duration in seconds to wait for the project to be running|healthy",
          "--wait-timeout");
  static final VerbSpec SPEC =
      VerbSpec.of("Start services", "start").services().options(WAIT_HEALTHY, WAIT_TIMEOUT).build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  List<String> services = new ArrayList<>();

  boolean waitHealthy;

  Integer waitTimeout;

  @Override
  public int run(Args args) {
    services = new ArrayList<>(args.operandsFrom(0));
    waitHealthy = args.has(WAIT_HEALTHY);
    waitTimeout = args.integer(WAIT_TIMEOUT);
    CommandContext.compose(args)
        .start(
            CommandContext.projectName(args),
            new StartOptions(services, waitHealthy, waitTimeout),
            CommandContext.progress(args));
    return 0;
  }
}
