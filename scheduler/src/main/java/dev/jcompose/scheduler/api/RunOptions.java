package dev.jcompose.scheduler.api;

import java.util.List;
import java.util.Map;

/** Flags of {@code run}: a one-off container of {@code service}. */
public record RunOptions(
    String service,
    List<String> command,
    Map<String, String> environment,
    String user,
    String workdir,
    String name,
    boolean noDeps,
    boolean removeAfter,
    boolean tty,
    boolean interactive,
    List<String> publish,
    boolean servicePorts,
    String entrypoint) {}
