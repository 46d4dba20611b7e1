package dev.jcompose.cli.command;

import dev.jcompose.scheduler.api.CopyOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose cp SERVICE:SRC_PATH DEST_PATH|-} and {@code cp SRC_PATH|- SERVICE:DEST_PATH}:
 * copies between a service's running container and the host, or a tar stream on stdio ({@code -});
 * docker cp's rules for where a copy lands. Container paths never resolve out of the container's
 * root, whatever symlinks it holds.
 */
@Command(
    name = "cp",
    description = "Copy files/folders between a service container and the local filesystem")
public final class CpCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SRC")
  String source;

  @Parameters(index = "1", paramLabel = "DEST")
  String destination;

  @Option(names = "--all", description = "Include containers created by the run command")
  boolean all;

  @Option(
      names = {"-a", "--archive"},
      description = "Archive mode (copy all uid/gid information)")
  boolean archive;

  @Option(
      names = {"-L", "--follow-link"},
      description = "Always follow symbol link in SRC_PATH")
  boolean followLink;

  @Option(
      names = "--index",
      paramLabel = "N",
      description = "Index of the container if service has multiple replicas")
  int index;

  @Override
  public Integer call() {
    CommandContext.compose(spec)
        .copy(
            CommandContext.projectName(spec),
            new CopyOptions(source, destination, index, all, archive, followLink),
            System.in,
            System.out);
    System.out.flush();
    return 0;
  }
}
