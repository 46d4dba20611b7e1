package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
import dev.jcompose.cli.output.ProgressPrinter;
import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.BuildOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code jcompose build [SERVICE...]}: builds the services' images through the engine, on
 * jcompose's own runtime; each step and its output on stderr, cached steps marked as such.
 */
public final class BuildCommand implements Command {
  private static final Opt NO_CACHE =
      Opt.flag("Do not use cache when building the image", "--no-cache");
  private static final Opt PULL =
      Opt.flag("Always attempt to pull a newer version of the image", "--pull");
  private static final Opt BUILD_ARG =
      Opt.value("KEY=VALUE", "Set build-time variables for services", "--build-arg");
  private static final Opt QUIET = Opt.flag("Don't print anything to STDOUT", "-q", "--quiet");
  private static final VerbSpec SPEC =
      VerbSpec.of("Build or rebuild services", "build")
          .services()
          .options(NO_CACHE, PULL, BUILD_ARG, QUIET)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Args args) {
    Map<String, String> buildArgs = buildArgs(args);
    Project project = CommandContext.loadProject(args);
    CommandContext.compose
        .get()
        .build(
            project,
            new BuildOptions(args.operands(), args.has(NO_CACHE), args.has(PULL), buildArgs),
            new ProgressPrinter(Invocation.current().err(), args.has(QUIET)));
    return 0;
  }

  // docker compose: KEY=VALUE, or KEY alone to take the value from the environment (absent = not
  // set)
  private static Map<String, String> buildArgs(Args args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String a : args.all(BUILD_ARG)) {
      int eq = a.indexOf('=');
      if (eq == 0) {
        throw args.usage("invalid --build-arg '" + a + "': use KEY=VALUE");
      }
      if (eq > 0) {
        out.put(a.substring(0, eq), a.substring(eq + 1));
      } else if (Invocation.current().env(a) != null) {
        out.put(a, Invocation.current().env(a));
      }
    }
    return out;
  }
}
