package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;

/** {@code jcompose version}: {@code --short} prints the bare number, {@code -f json} an object. */
public final class VersionCommand implements Command {
  private static final Opt SHORT = Opt.flag("Shows only the version number", "--short");
  private static final Opt FORMAT =
      Opt.value("FORMAT", "Format the output: pretty or json", "-f", "--format");
  private static final VerbSpec SPEC =
      VerbSpec.of("Show the jcompose version information", "version")
          .options(SHORT, FORMAT)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Args args) {
    String v = VersionCommand.class.getPackage().getImplementationVersion();
    String version = v == null ? "dev" : v;
    if (args.has(SHORT)) {
      Invocation.current().out().println(version);
    } else if (args.get(FORMAT, "pretty").equals("json")) {
      Invocation.current().out().println("{\"version\":\"" + version + "\"}");
    } else {
      Invocation.current().out().println("jcompose version " + version);
    }
    return 0;
  }
}
