package dev.jcompose.runtime.api;

import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Creates and controls containers on this host. One instance per engine; thread-safe.
 *
 * <p>Lifecycle: {@link #create} (shim started, namespaces made, process waiting before exec; the
 * caller may now configure the network namespace at {@link ContainerState#netnsPath()}) then {@link
 * #start} (rootfs set up, pivot_root, exec) — then the process runs under its shim, which survives
 * the engine. {@link #delete} removes everything the container made on the host. Containers created
 * by an earlier engine are found again by {@link #list} and {@link #state}.
 */
public interface ContainerRuntime {

  ContainerState create(ContainerSpec spec);

  /** Releases the waiting process; fails with the shim's errno + message if setup fails. */
  ContainerState start(String id);

  void kill(String id, int signal);

  /** Sends {@code signal}, waits up to {@code grace}, then SIGKILL; returns the exit status. */
  ExitStatus stop(String id, int signal, Duration grace);

  Optional<ContainerState> state(String id);

  /** Completes when the container's process exits (works for re-adopted containers too). */
  CompletableFuture<ExitStatus> awaitExit(String id);

  /** Removes mounts, cgroups, the shim and the container dir. Kills the process if running. */
  void delete(String id);

  /**
   * The mounts a container was created with ({@code volumes_from} copies them); empty if unknown.
   */
  List<ContainerSpec.MountSpec> mounts(String id);

  /** Ids of all containers with state on disk. */
  List<String> list();

  /**
   * The directory holding the container's filesystem changes (its overlay upper dir, in overlay
   * form: whiteouts as 0/0 character devices, opaque directories marked by xattr). Stable once the
   * container has exited; a caller may move it away (same file system as the image store) before
   * {@link #delete}. This is how the builder takes a RUN step's result.
   */
  java.nio.file.Path upperDir(String id);

  /** Runs a process inside a running container's namespaces and cgroup. */
  ExecSession exec(String id, ExecSpec spec);

  /**
   * Connects to a created or running container's stdio: its output from now on (stdout and stderr
   * apart, both on stdout with a tty) and, when it was created with stdin open, its stdin (closing
   * it ends the container's stdin unless it has a tty). The exit code completes when the container
   * exits. NOT_FOUND until its monitor listens.
   */
  ExecSession attach(String id);

  /** The spec the container was created with. */
  ContainerSpec spec(String id);

  /**
   * Freezes every process of a running container (cgroup freezer); CONFLICT when it is not running.
   */
  void pause(String id);

  /** Thaws a paused container; CONFLICT when it is not paused. */
  void unpause(String id);

  /** The resource counters of a running container now; CONFLICT when it is not running. */
  ContainerStats stats(String id);

  /** The processes of a running container, by pid; CONFLICT when it is not running. */
  List<ProcessInfo> processes(String id);

  /**
   * The root of a running container as its init sees it ({@code cp}, {@code export}); CONFLICT when
   * it is not running.
   */
  FileTree files(String id);

  /** The host's own root, for the host side of {@code cp}. */
  FileTree hostFiles();

  /**
   * What differs in the container's filesystem from its image: paths added, changed and deleted
   * (its overlay upper dir read as {@code docker diff} reads it), sorted by path.
   */
  List<FileChange> changes(String id);

  /** The container's filesystem changes (its upper dir) as an OCI layer tar, for {@code commit}. */
  void exportChanges(String id, OutputStream tar);

  /** Bytes the container wrote to its own filesystem (its upper dir; docker's SizeRw). */
  long writableSize(String id);

  /** A change of {@link #changes}: kind 'A' added, 'C' changed, 'D' deleted. */
  record FileChange(char kind, String path) {}
}
