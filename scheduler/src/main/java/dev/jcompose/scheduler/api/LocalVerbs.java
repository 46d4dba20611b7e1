package dev.jcompose.scheduler.api;

import dev.jcompose.model.api.Project;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The verbs that need no engine: they read or fill the host's container, image and volume stores
 * directly, so {@code logs} works while the engine is down. Implemented in the CLI's process and
 * inside the engine alike.
 */
public interface LocalVerbs {

  /**
   * Delivers the log lines of the project's containers to {@code sink}: without follow, several
   * containers interleaved by time; with follow, each container's lines as they come (the sink is
   * called from several threads), until {@code stop} or, with {@link LogOptions#untilExit}, the
   * container's exit. Returns when every container is done.
   */
  void logs(String projectName, LogOptions options, LogSink sink, BooleanSupplier stop);

  /** Starts a process in a running service container; the caller pumps its stdio. */
  ExecProcess exec(String projectName, ExecOptions options);

  /** Pulls the services' images into the local store, several at once; progress as events. */
  void pull(Project project, PullOptions options, Consumer<Event> progress);

  /** The images the project's services and containers use, as {@code images} lists them. */
  List<ImageSummary> images(Project project, List<String> services);

  /** The project's named volumes (by the compose project label), sorted by name. */
  List<VolumeSummary> volumes(String projectName);

  /**
   * Follows the {@code develop.watch} rules of the selected services until {@code stop} returns
   * true: changed files are copied into the running containers from this process (through the
   * host's container store, resolved inside each container's root), deleted ones removed there;
   * restarts, rebuilds and recreates go to the engine. Throws {@link ComposeException} (INVALID)
   * when no selected service has watch rules.
   */
  void watch(Project project, WatchOptions options, Consumer<Event> progress, BooleanSupplier stop);

  /**
   * Removes a volume given by engine name or by compose key ({@code data} for {@code
   * <project>_data}); returns the name removed.
   */
  String removeVolume(String projectName, String name);
}
