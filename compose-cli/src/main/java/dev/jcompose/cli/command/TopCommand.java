package dev.jcompose.cli.command;

import dev.jcompose.cli.output.TabTable;
import dev.jcompose.scheduler.api.ContainerProcesses;
import dev.jcompose.scheduler.api.ProcessRow;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose top}: each running container's name, then its processes in {@code ps -ef}'s
 * columns.
 */
@Command(name = "top", description = "Display the running processes")
public final class TopCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE")
  List<String> services = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<ContainerProcesses> all =
        CommandContext.compose(spec).top(CommandContext.projectName(spec), services);
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
