package dev.jcompose.model.api;

import java.util.List;
import java.util.Map;

/**
 * A service's {@code develop} section: the {@code watch} rules of {@code jcompose watch} and {@code
 * up --watch} (compose-spec develop.md).
 */
public record DevelopConfig(List<WatchRule> watch) {

  public DevelopConfig {
    watch = Copies.list(watch);
  }

  /** What a rule does with a change under its path. */
  public enum Action {
    SYNC("sync"),
    REBUILD("rebuild"),
    RESTART("restart"),
    SYNC_RESTART("sync+restart"),
    SYNC_EXEC("sync+exec");

    private final String id;

    Action(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    /** Whether the rule copies files into the containers (then it needs a target). */
    public boolean syncs() {
      return this == SYNC || this == SYNC_RESTART || this == SYNC_EXEC;
    }

    public static Action parse(String text) {
      for (Action a : values()) {
        if (a.id.equals(text)) {
          return a;
        }
      }
      throw new IllegalArgumentException(
          "invalid action \"" + text + "\": use sync, rebuild, restart, sync+restart or sync+exec");
    }
  }

  /**
   * One rule. {@code path} is absolute (on the host), {@code target} the container path a sync
   * writes to, {@code ignore} patterns relative to {@code path} (.dockerignore syntax), {@code
   * initialSync} copies everything under path when watching starts, {@code exec} the command of
   * {@code sync+exec}.
   */
  public record WatchRule(
      String path,
      Action action,
      String target,
      List<String> ignore,
      boolean initialSync,
      ExecHook exec) {
    public WatchRule {
      ignore = Copies.list(ignore);
    }
  }

  /** A command run in each container after a sync ({@code sync+exec}). */
  public record ExecHook(
      List<String> command,
      String user,
      String workingDir,
      Map<String, String> environment,
      boolean privileged) {
    public ExecHook {
      command = Copies.list(command);
      environment = Copies.map(environment);
    }
  }
}
