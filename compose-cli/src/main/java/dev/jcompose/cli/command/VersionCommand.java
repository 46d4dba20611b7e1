package dev.jcompose.cli.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jcompose version}: {@code --short} prints the bare number, {@code -f json} an object. */
@Command(name = "version", description = "Show the jcompose version information")
public final class VersionCommand implements Callable<Integer> {
  @Option(names = "--short", description = "Shows only the version number")
  boolean versionOnly;

  @Option(
      names = "--format",
      defaultValue = "pretty",
      description = "Format the output: pretty or json")
  String format;

  @Override
  public Integer call() {
    String v = VersionCommand.class.getPackage().getImplementationVersion();
    String version = v == null ? "dev" : v;
    if (versionOnly) {
      System.out.println(version);
    } else if (format.equals("json")) {
      System.out.println("{\"version\":\"" + version + "\"}");
    } else {
      System.out.println("jcompose version " + version);
    }
    return 0;
  }
}
