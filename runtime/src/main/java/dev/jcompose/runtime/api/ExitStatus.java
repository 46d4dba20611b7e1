package dev.jcompose.runtime.api;

/**
 * How a container's process ended: {@code exitCode} as docker reports it (128+signal when killed),
 * {@code signal} (0 if it exited normally), and whether the kernel OOM killer did it.
 */
public record ExitStatus(int exitCode, int signal, boolean oomKilled) {}
