package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.scheduler.api.AttachOptions;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ContainerDetails;
import dev.jcompose.scheduler.api.ContainerRef;
import dev.jcompose.scheduler.api.ExecProcess;
import dev.jcompose.scheduler.api.KillOptions;
import java.util.List;

/**
 * {@code jcompose attach SERVICE}: this terminal's stdin, stdout and stderr connected to a running
 * container (its output from now on; stdin when it was made with {@code stdin_open}), until it
 * exits; the exit code is the container's. With {@code --sig-proxy} (the default) Ctrl-C is sent to
 * the container as SIGINT rather than ending the attach.
 */
public final class AttachCommand implements Command {
  private static final Opt INDEX =
      Opt.value("N", "index of the container if service has multiple replicas.", "--index");
  private static final Opt NO_STDIN = Opt.flag("Do not attach STDIN", "--no-stdin");
  private static final Opt SIG_PROXY =
      Opt.flag("Proxy all received signals to the process", "--sig-proxy").implicit("true");
  private static final Opt DETACH_KEYS =
      Opt.value(
          "KEYS", "Override the key sequence for detaching from a container.", "--detach-keys");
  static final VerbSpec SPEC =
      VerbSpec.of(
              "Attach local standard input, output, and error streams to a service's running container",
              "attach")
          .operands("SERVICE", 1, 1)
          .options(INDEX, NO_STDIN, SIG_PROXY, DETACH_KEYS)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  String service;

  int index;

  boolean noStdin;

  boolean sigProxy;

  String detachKeys;

  @Override
  public int run(Args args) throws InterruptedException {
    service = args.operand(0);
    index = args.integer(INDEX, 1);
    noStdin = args.has(NO_STDIN);
    sigProxy = Boolean.parseBoolean(args.get(SIG_PROXY, "true"));
    detachKeys = args.get(DETACH_KEYS, null);
    String project = CommandContext.projectName(args);
    ComposeService compose = CommandContext.compose(args);
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
