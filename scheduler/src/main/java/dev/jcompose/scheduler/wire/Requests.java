package dev.jcompose.scheduler.wire;

import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.BuildOptions;
import dev.jcompose.scheduler.api.DownOptions;
import dev.jcompose.scheduler.api.KillOptions;
import dev.jcompose.scheduler.api.PruneOptions;
import dev.jcompose.scheduler.api.PushOptions;
import dev.jcompose.scheduler.api.RemoveOptions;
import dev.jcompose.scheduler.api.RunOptions;
import dev.jcompose.scheduler.api.StartOptions;
import dev.jcompose.scheduler.api.UpOptions;
import java.util.List;

/** Request bodies of the engine API, one record per verb that takes a body. */
public final class Requests {
  private Requests() {}

  /** {@code POST /v1/projects/{name}/up}. */
  public record Up(Project project, UpOptions options) {}

  /** {@code POST /v1/projects/{name}/build}. */
  public record Build(Project project, BuildOptions options) {}

  /** {@code POST /v1/projects/{name}/push}. */
  public record Push(Project project, PushOptions options) {}

  /** {@code POST /v1/projects/{name}/down}; {@code project} may be null (down by name only). */
  public record Down(Project project, DownOptions options) {}

  /** {@code POST /v1/projects/{name}/run}. */
  public record Run(Project project, RunOptions options) {}

  /**
   * {@code POST .../stop|start|restart}; empty services = all, null timeout = the service's own.
   */
  public record Services(List<String> services, Integer timeoutSeconds) {}

  /** {@code POST .../start}. */
  public record Start(StartOptions options) {}

  /** {@code POST .../kill}. */
  public record Kill(KillOptions options) {}

  /** {@code POST .../rm}. */
  public record Remove(RemoveOptions options) {}

  /** {@code POST /v1/prune}. */
  public record Prune(PruneOptions options) {}

  /** {@code GET /v1/version}. */
  public record Version(String version, String apiVersion, long pid) {}

  /** Result of {@code GET /v1/containers/{name}/wait}. */
  public record WaitResult(int exitCode) {}
}
