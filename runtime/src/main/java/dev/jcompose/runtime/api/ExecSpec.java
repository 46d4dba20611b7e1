package dev.jcompose.runtime.api;

import java.util.List;

/** A process to run inside a running container; user/cwd null = container's defaults. */
public record ExecSpec(
    List<String> args,
    List<String> env,
    String cwd,
    String user,
    boolean tty,
    boolean attachStdin) {}
