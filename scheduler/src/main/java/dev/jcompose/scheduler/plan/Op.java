package dev.jcompose.scheduler.plan;

import java.util.List;

/**
 * One operation of a {@link Plan}. {@code id} is "&lt;verb&gt; &lt;kind&gt; &lt;subject&gt;" and
 * unique in a plan; {@code deps} are ids of operations that must succeed first; {@code reason} says
 * why (empty for the obvious).
 */
public record Op(
    String id, Kind kind, String subject, String service, String reason, List<String> deps) {

  /** What an operation does; the executor's runner maps each kind to calls. */
  public enum Kind {
    CREATE_NETWORK("create network"),
    CREATE_VOLUME("create volume"),
    PULL_IMAGE("pull image"),
    STOP_CONTAINER("stop container"),
    REMOVE_CONTAINER("remove container"),
    CREATE_CONTAINER("create container"),
    START_CONTAINER("start container"),
    WAIT_STARTED("wait started"),
    WAIT_HEALTHY("wait healthy"),
    WAIT_COMPLETED("wait completed"),
    REMOVE_NETWORK("remove network"),
    REMOVE_VOLUME("remove volume");

    public final String text;

    Kind(String text) {
      this.text = text;
    }
  }

  /** Reason of waits on {@code required: false} dependencies: their failure is only a warning. */
  public static final String OPTIONAL = "optional";

  public boolean optional() {
    return OPTIONAL.equals(reason);
  }

  /**
   * Reason of a teardown that runs once its dependencies are done, whatever their outcome: down's
   * removal of a container whose stop failed still kills what is left and frees its namespace,
   * groups and endpoints; skipped, it would leave them (and its network) behind for good. The
   * dependency's failure is still reported.
   */
  public static final String EVEN_IF_FAILED = "even if they failed";

  public boolean evenIfDepsFailed() {
    return EVEN_IF_FAILED.equals(reason);
  }

  public static String idOf(Kind kind, String subject) {
    return kind.text + " " + subject;
  }
}
