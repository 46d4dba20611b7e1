package dev.jcompose.scheduler.api;

import java.util.List;

/**
 * What {@code exec} runs and where.
 *
 * @param index the replica number of the service's container
 * @param env {@code KEY=VALUE} entries added to the container's environment
 * @param user null = the container's user
 * @param workdir null = the container's working directory
 * @param tty a pseudo-terminal (stderr then comes with stdout)
 * @param attachStdin keep stdin open for the caller
 * @param privileged every capability ({@code exec --privileged})
 */
public record ExecOptions(
    String service,
    int index,
    List<String> command,
    List<String> env,
    String user,
    String workdir,
    boolean tty,
    boolean attachStdin,
    boolean privileged) {

  public ExecOptions(
      String service,
      int index,
      List<String> command,
      List<String> env,
      String user,
      String workdir,
      boolean tty,
      boolean attachStdin) {
    this(service, index, command, env, user, workdir, tty, attachStdin, false);
  }

  public ExecOptions {
    command = List.copyOf(command);
    env = env == null ? List.of() : List.copyOf(env);
  }
}
