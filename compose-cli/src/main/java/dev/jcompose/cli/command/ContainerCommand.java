package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.output.GoTemplate;
import dev.jcompose.cli.output.InspectJson;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ContainerRef;
import dev.jcompose.scheduler.api.FileChange;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code jcompose container inspect|diff CONTAINER...}: one container as docker's {@code container
 * inspect} and {@code diff} show it. CONTAINER is a container's name ({@code shop-web-1}) or a
 * service of the current project (its first replica, or {@code --index}).
 */
public final class ContainerCommand extends Group {
  public ContainerCommand() {
    super(
        "container",
        "Inspect containers",
        List.of(Sub.of(Inspect.SPEC, Inspect::new), Sub.of(Diff.SPEC, Diff::new)));
  }

  /** Tries {@code arg} as a container name, then as a service of the current project. */
  static <T> T resolve(Args args, String arg, int index, Function<ContainerRef, T> call) {
    try {
      return call.apply(ContainerRef.named(arg));
    } catch (ComposeException e) {
      if (e.kind() != ComposeException.Kind.NOT_FOUND
          && e.kind() != ComposeException.Kind.INVALID) {
        throw e;
      }
      String project;
      try {
        project = CommandContext.projectName(args);
      } catch (RuntimeException noProject) {
        throw e;
      }
      return call.apply(ContainerRef.of(project, arg, index));
    }
  }

  static final class Inspect implements Command {
    private static final Opt INDEX =
        Opt.value("N", "Replica of a service named instead of a container", "--index");
    private static final Opt FORMAT =
        Opt.value("TEMPLATE", "Format output using a Go template", "-f", "--format");
    static final VerbSpec SPEC =
        VerbSpec.of(
                "Display detailed information on one or more containers", "container", "inspect")
            .operands("CONTAINER...", 1, -1)
            .options(INDEX, FORMAT)
            .build();

    @Override
    public VerbSpec spec() {
      return SPEC;
    }

    List<String> containers = new ArrayList<>();

    int index;

    String format;

    @Override
    public int run(Args args) {
      containers = new ArrayList<>(args.operandsFrom(0));
      index = args.integer(INDEX, 1);
      format = args.get(FORMAT, null);
      ComposeService compose = CommandContext.compose(args);
      List<Map<String, Object>> docs = new ArrayList<>();
      for (String c : containers) {
        docs.add(InspectJson.container(resolve(args, c, index, compose::inspect)));
      }
      PrintStream out = CommandContext.out();
      out.println(
          format == null
              ? DockerJson.pretty(docs)
              : GoTemplate.parse(format).render(docs, Map.of()).stripTrailing());
      out.flush();
      return 0;
    }
  }

  /** {@code container diff}: A (added), C (changed) and D (deleted) paths against the image. */
  static final class Diff implements Command {
    private static final Opt INDEX =
        Opt.value("N", "Replica of a service named instead of a container", "--index");
    static final VerbSpec SPEC =
        VerbSpec.of(
                "Inspect changes to files or directories on a container's filesystem",
                "container",
                "diff")
            .operands("CONTAINER", 1, 1)
            .options(INDEX)
            .build();

    @Override
    public VerbSpec spec() {
      return SPEC;
    }

    String container;

    int index;

    @Override
    public int run(Args args) {
      container = args.operand(0);
      index = args.integer(INDEX, 1);
      ComposeService compose = CommandContext.compose(args);
      PrintStream out = CommandContext.out();
      for (FileChange c : resolve(args, container, index, compose::diff)) {
        out.println(c.kind() + " " + c.path());
      }
      out.flush();
      return 0;
    }
  }
}
