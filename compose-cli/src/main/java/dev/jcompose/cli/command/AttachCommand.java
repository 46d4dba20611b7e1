package dev.jcompose.cli.command;

import dev.jcompose.scheduler.api.AttachOptions;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ContainerDetails;
import dev.jcompose.scheduler.api.ContainerRef;
import dev.jcompose.scheduler.api.ExecProcess;
import dev.jcompose.scheduler.api.KillOptions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose attach SERVICE}: this terminal's stdin, stdout and stderr connected to a running
 * container (its output from now on; stdin when it was made with {@code stdin_open}), until it
 * exits; the exit code is the container's. With {@code --sig-proxy} (the default) Ctrl-C is sent to
 * the container as SIGINT rather than ending the attach.
 */
@Command(
    name = "attach",
    description =
        "Attach local standard input, output, and error streams to a service's running container")
public final class AttachCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  @Option(
      names = "--index",
      paramLabel = "N",
      defaultValue = "1",
      description = "index of the container if service has multiple replicas.")
  int index;

  @Option(names = "--no-stdin", description = "Do not attach STDIN")
  boolean noStdin;

  @Option(
      names = "--sig-proxy",
      defaultValue = "true",
      fallbackValue = "true",
      arity = "0..1",
      description = "Proxy all received signals to the process")
  boolean sigProxy;

  @Option(
      names = "--detach-keys",
      paramLabel = "KEYS",
      description = "Override the key sequence for detaching from a container.")
  String detachKeys;

  @Override
  public Integer call() throws InterruptedException {
    String project = CommandContext.projectName(spec);
    ComposeService compose = CommandContext.compose(spec);
    ContainerRef ref = ContainerRef.of(project, service, index);
    ContainerDetails details = compose.inspect(ref);
    if (!details.state().running()) {
      throw new ComposeException(
          ComposeException.Kind.INVALID, "cannot attach to a stopped container, start it first");
    }
    boolean tty = details.config().tty() && Terminal.attached();
    ExecProcess process =
        compose.attach(new AttachOptions(ref, noStdin || !details.config().openStdin()));
    if (sigProxy && !tty) {
      Interrupts.install(
          () -> forward(compose, project, "SIGINT"), () -> forward(compose, project, "SIGKILL"));
    }
    return new StdioPump(process, tty, !noStdin && details.config().openStdin()).run();
  }

  private void forward(ComposeService compose, String project, String signal) {
    compose.kill(project, new KillOptions(List.of(service), signal, false, List.of()), e -> {});
  }
}
