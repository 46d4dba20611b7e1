package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.UpOptions;
import java.util.List;
import java.util.Map;

/**
 * {@code jcompose scale SERVICE=NUM...}: the replica counts of services made so, as {@code up -d
 * --scale} would (surplus replicas, highest numbers first, are removed), with their dependencies
 * unless {@code --no-deps}; other services are left alone.
 */
public final class ScaleCommand implements Command {
  private static final Opt NO_DEPS = Opt.flag("Don't start linked services", "--no-deps");
  private static final VerbSpec SPEC =
      VerbSpec.of("Scale services", "scale")
          .operands("SERVICE=REPLICAS...", 1, -1)
          .options(NO_DEPS)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Args args) {
    Project project = CommandContext.loadProject(args);
    Map<String, Integer> counts = Scales.parse(args, args.operands());
    for (String s : counts.keySet()) {
      if (!project.services().containsKey(s)) {
        throw args.usage("no such service: " + s);
      }
    }
    UpOptions options =
        UpOptions.builder()
            .services(List.copyOf(counts.keySet()))
            .noDeps(args.has(NO_DEPS))
            .scale(counts)
            .noRecreate(true)
            .build();
    CommandContext.compose(args).up(project, options, CommandContext.progress(args));
    return 0;
  }
}
