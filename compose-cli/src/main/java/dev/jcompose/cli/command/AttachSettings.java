package dev.jcompose.cli.command;

/**
 * How an attached {@code up} shows and ends: colour/prefix/timestamps of log lines; with {@code
 * abortOnExit} the first container to exit for good stops the project, with {@code abortOnFailure}
 * the first to exit with a code other than 0; the exit code is that container's — or, with {@code
 * exitCodeFrom}, the code of that service's container.
 */
record AttachSettings(
    boolean color,
    boolean prefix,
    boolean timestamps,
    boolean abortOnExit,
    boolean abortOnFailure,
    String exitCodeFrom,
    Integer stopTimeout) {}
