package dev.jcompose.builder.dockerfile;

import java.util.List;

/**
 * A typed Dockerfile instruction, its words still unexpanded (variables are substituted later, with
 * the environment of the stage at that point). Every instruction knows its lines.
 */
public sealed interface Instruction {

  Location location();

  /**
   * Lines {@code start..end} of {@code file}; {@code text} is the instruction as written
   * (continuations joined).
   */
  record Location(String file, int start, int end, String text) {
    @Override
    public String toString() {
      return file + ":" + start;
    }
  }

  /**
   * A command in exec form (JSON) or shell form ({@code prependShell}: one string run by the
   * SHELL).
   */
  record CommandLine(List<String> args, boolean prependShell) {}

  /** {@code name} or {@code name=default} (default null when absent). */
  record ArgDef(String name, String defaultValue) {}

  /** A key and value of ENV or LABEL, unexpanded. */
  record KeyValue(String key, String value) {}

  record From(String image, String stageName, String platform, Location location)
      implements Instruction {}

  record Arg(List<ArgDef> args, Location location) implements Instruction {}

  record Env(List<KeyValue> pairs, Location location) implements Instruction {}

  record Label(List<KeyValue> pairs, Location location) implements Instruction {}

  record Run(
      CommandLine command,
      List<Heredoc> heredocs,
      List<String> mounts,
      String network,
      String security,
      Location location)
      implements Instruction {}

  record Cmd(CommandLine command, Location location) implements Instruction {}

  record Entrypoint(CommandLine command, Location location) implements Instruction {}

  record Shell(List<String> shell, Location location) implements Instruction {}

  record Workdir(String path, Location location) implements Instruction {}

  record User(String user, Location location) implements Instruction {}

  record Expose(List<String> ports, Location location) implements Instruction {}

  record Volume(List<String> paths, Location location) implements Instruction {}

  record StopSignal(String signal, Location location) implements Instruction {}

  /**
   * HEALTHCHECK: {@code test} is docker's form ({@code ["NONE"]}, {@code ["CMD", ...]} or {@code
   * ["CMD-SHELL", "cmd"]}); durations in nanoseconds, 0 = inherit the default.
   */
  record Healthcheck(
      List<String> test,
      long intervalNanos,
      long timeoutNanos,
      long startPeriodNanos,
      long startIntervalNanos,
      int retries,
      Location location)
      implements Instruction {}

  /** ONBUILD: the trigger instruction as written, run when another build starts FROM this image. */
  record Onbuild(String expression, Location location) implements Instruction {}

  record Maintainer(String name, Location location) implements Instruction {}

  /**
   * COPY and ADD ({@code add}): sources as written (context paths, globs, URLs for ADD), inline
   * sources from heredocs, the destination, and the flags.
   */
  record Copy(
      boolean add,
      List<String> sources,
      List<Heredoc> inline,
      String dest,
      String from,
      String chown,
      String chmod,
      boolean link,
      List<String> excludes,
      String checksum,
      boolean parents,
      Location location)
      implements Instruction {

    public String keyword() {
      return add ? "ADD" : "COPY";
    }
  }
}
