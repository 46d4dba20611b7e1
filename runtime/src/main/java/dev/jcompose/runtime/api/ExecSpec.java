package dev.jcompose.runtime.api;

import java.util.List;

/**
 * A process to run inside a running container; user/cwd null = container's defaults. {@code
 * privileged}: every capability, as {@code docker exec --privileged} gives (moby daemon/exec.go).
 */
public record ExecSpec(
    List<String> args,
    List<String> env,
    String cwd,
    String user,
    boolean tty,
    boolean attachStdin,
    boolean privileged) {

  public ExecSpec(
      List<String> args,
      List<String> env,
      String cwd,
      String user,
      boolean tty,
      boolean attachStdin) {
    this(args, env, cwd, user, tty, attachStdin, false);
  }
}
