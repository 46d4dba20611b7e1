package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.PsOptions;
import java.util.List;

/**
 * {@code jcompose port SERVICE PRIVATE_PORT}: the host address a container port is published on,
 * printed as docker compose does ({@code 0.0.0.0:49153}).
 */
public final class PortCommand implements Command {
  private static final Opt PROTOCOL = Opt.value("PROTOCOL", "tcp or udp", "--protocol");
  private static final Opt INDEX =
      Opt.value("N", "Index of the container if service has multiple replicas", "--index");
  private static final VerbSpec SPEC =
      VerbSpec.of("Print the public port for a port binding", "port")
          .operands("SERVICE PRIVATE_PORT", 2, 2)
          .options(PROTOCOL, INDEX)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Args args) {
    String service = args.operand(0);
    int privatePort;
    try {
      privatePort = Integer.parseInt(args.operand(1));
    } catch (NumberFormatException e) {
      throw args.usage("invalid port '" + args.operand(1) + "': not a number");
    }
    String protocol = args.get(PROTOCOL, "tcp");
    int index = args.integer(INDEX, 1);
    String project = CommandContext.projectName(args);
    List<ContainerSummary> containers =
        CommandContext.compose(args).ps(project, new PsOptions(List.of(service), false, List.of()));
    ContainerSummary container =
        containers.stream()
            .filter(c -> c.number() == index)
            .findFirst()
            .orElseThrow(
                () ->
                    new ComposeException(
                        ComposeException.Kind.NOT_FOUND,
                        "service \"" + service + "\" has no running container #" + index));
    ContainerSummary.Publisher publisher =
        container.publishers().stream()
            .filter(p -> p.targetPort() == privatePort && p.protocol().equals(protocol))
            .findFirst()
            .orElseThrow(
                () ->
                    new ComposeException(
                        ComposeException.Kind.NOT_FOUND,
                        "no port "
                            + privatePort
                            + "/"
                            + protocol
                            + " for container "
                            + container.name()));
    Invocation.current().out().println(publisher.url() + ":" + publisher.publishedPort());
    Invocation.current().out().flush();
    return 0;
  }
}
