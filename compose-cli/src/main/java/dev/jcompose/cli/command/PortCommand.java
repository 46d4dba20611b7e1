package dev.jcompose.cli.command;

import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.PsOptions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose port SERVICE PRIVATE_PORT}: the host address a container port is published on,
 * printed as docker compose does ({@code 0.0.0.0:49153}).
 */
@Command(name = "port", description = "Print the public port for a port binding")
public final class PortCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  @Parameters(index = "1", paramLabel = "PRIVATE_PORT")
  int privatePort;

  @Option(names = "--protocol", defaultValue = "tcp", description = "tcp or udp")
  String protocol;

  @Option(
      names = "--index",
      defaultValue = "1",
      description = "Index of the container if service has multiple replicas")
  int index;

  @Override
  public Integer call() {
    String project = CommandContext.projectName(spec);
    List<ContainerSummary> containers =
        CommandContext.compose(spec).ps(project, new PsOptions(List.of(service), false, List.of()));
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
    spec.commandLine().getOut().println(publisher.url() + ":" + publisher.publishedPort());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
