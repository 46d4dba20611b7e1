package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.output.TabTable;
import dev.jcompose.scheduler.api.ContainerProcesses;
import dev.jcompose.scheduler.api.ProcessRow;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jcompose top}: each running container's name, then its processes in {@code ps -ef}'s
 * columns.
 */
public final class TopCommand implements Command {
  static final VerbSpec SPEC =
      VerbSpec.of("Display the running processes", "top").services().build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  List<String> services = new ArrayList<>();

  @Override
  public int run(Args args) {
    services = new ArrayList<>(args.operandsFrom(0));
    PrintStream out = CommandContext.out();
    List<ContainerProcesses> all =
        CommandContext.compose(args).top(CommandContext.projectName(args), services);
    for (int i = 0; i < all.size(); i++) {
      ContainerProcesses c = all.get(i);
      out.println(c.container());
      TabTable t =
          new TabTable().row(List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"));
      for (ProcessRow p : c.processes()) {
        t.row(
            List.of(
                p.uid(),
                Long.toString(p.pid()),
                Long.toString(p.ppid()),
                Integer.toString(p.cpu()),
                p.started(),
                p.tty(),
                p.time(),
                p.command()));
      }
      out.print(t.render());
      if (i < all.size() - 1) {
        out.println();
      }
    }
    out.flush();
    return 0;
  }
}
