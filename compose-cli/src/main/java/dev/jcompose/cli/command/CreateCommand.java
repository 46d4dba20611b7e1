package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.UpOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jcompose create}: what {@code up} makes (networks, volumes, images, containers), nothing
 * started.
 */
public final class CreateCommand implements Command {
  private static final Opt FORCE_RECREATE =
      Opt.flag(
          "Recreate containers even if their configuration and image haven't changed",
          "--force-recreate");
  private static final Opt NO_RECREATE =
      Opt.flag(
          "If containers already exist, don't recreate them. Incompatible with --force-recreate.",
          "--no-recreate");
  private static final Opt PULL =
      Opt.value("POLICY", "Pull image before running (\"always\"|\"missing\"|\"never\")", "--pull");
  private static final Opt QUIET_PULL =
      Opt.flag("Pull without printing progress information", "--quiet-pull");
  private static final Opt REMOVE_ORPHANS =
      Opt.flag(
          "Remove containers for services not defined in the Compose file", "--remove-orphans");
  private static final Opt SCALE =
      Opt.value(
          "SERVICE=NUM",
          "Scale SERVICE to NUM instances. Overrides the `scale` setting in the Compose file if present.",
          "--scale");
  private static final Opt YES =
      Opt.flag("Assume \"yes\" as answer to all prompts and run non-interactively", "-y", "--yes");
  static final VerbSpec SPEC =
      VerbSpec.of("Creates containers for a service", "create")
          .services()
          .options(FORCE_RECREATE, NO_RECREATE, PULL, QUIET_PULL, REMOVE_ORPHANS, SCALE, YES)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  List<String> services = new ArrayList<>();

  boolean forceRecreate;

  boolean noRecreate;

  String pull;

  boolean quietPull;

  boolean removeOrphans;

  List<String> scale = new ArrayList<>();

  boolean yes;

  @Override
  public int run(Args args) {
    services = new ArrayList<>(args.operandsFrom(0));
    forceRecreate = args.has(FORCE_RECREATE);
    noRecreate = args.has(NO_RECREATE);
    pull = args.get(PULL, null);
    quietPull = args.has(QUIET_PULL);
    removeOrphans = args.has(REMOVE_ORPHANS);
    scale = new ArrayList<>(args.all(SCALE));
    yes = args.has(YES);
    if (forceRecreate && noRecreate) {
      throw args.usage("--force-recreate and --no-recreate are incompatible");
    }
    Project project = CommandContext.loadProject(args);
    UpOptions options =
        UpOptions.builder()
            .services(services)
            .noStart(true)
            .forceRecreate(forceRecreate)
            .noRecreate(noRecreate)
            .pull(pull)
            .removeOrphans(removeOrphans)
            .scale(Scales.parse(args, scale))
            .build();
    CommandContext.compose(args).up(project, options, CommandContext.progress(args, quietPull));
    return 0;
  }
}
