package dev.jcompose.scheduler.convert;

import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceSecurity;
import dev.jcompose.runtime.api.ContainerSpec.Isolation;
import dev.jcompose.runtime.api.ContainerSpec.Namespace;
import dev.jcompose.scheduler.api.ComposeException;
import java.nio.file.Path;

/**
 * A service's {@code pid}, {@code ipc}, {@code uts}, {@code cgroup}, {@code init} and {@code
 * cgroup_parent} to the runtime's {@link Isolation}, as docker reads the same settings (moby
 * runconfig/opts, container.IpcMode and PidMode): empty = a private namespace; {@code host}; {@code
 * service:x} / {@code container:x} = join the namespace of that container's init. Values the loader
 * lets through but docker refuses are refused here the same way.
 */
public final class IsolationConverter {

  /** Finds the running container a {@code service:x} / {@code container:x} reference names. */
  @FunctionalInterface
  public interface NamespaceOwners {
    /**
     * The owner's init pid and whether its IPC namespace is shareable; fails NOT_FOUND if not
     * running.
     */
    Owner find(String reference, String attribute);
  }

  /**
   * The container whose namespace is joined.
   *
   * @param shmPath the owner's /dev/shm as a host path when it shares its IPC namespace, else null
   */
  public record Owner(int pid, String shmPath) {}

  private IsolationConverter() {}

  /**
   * The isolation of one container of {@code s}.
   *
   * @param ownShm the host path of this container's own shareable /dev/shm (used with {@code ipc:
   *     shareable}), null when it has none
   */
  public static Isolation isolation(Service s, NamespaceOwners owners, String ownShm) {
    ServiceSecurity sec = s.security();
    String ipc = blankToNull(sec.ipc());
    return new Isolation(
        namespace("pid", sec.pid(), owners),
        ipcNamespace(ipc, owners),
        uts(s),
        cgroup(sec.cgroup()),
        Boolean.TRUE.equals(s.process().init()),
        ipcShm(ipc, owners, ownShm),
        blankToNull(sec.cgroupParent()));
  }

  private static Namespace namespace(String type, String mode, NamespaceOwners owners) {
    String m = blankToNull(mode);
    if (m == null) {
      return Namespace.PRIVATE;
    }
    if (m.equals("host")) {
      return Namespace.HOST;
    }
    if (isReference(m)) {
      return Namespace.join(
          Path.of("/proc", Integer.toString(owners.find(m, type).pid()), "ns", type));
    }
    throw invalid(type, m, "\"host\", \"service:<name>\" or \"container:<name>\"");
  }

  /** docker's IPC modes: private, shareable, none, host, container:x (compose adds service:x). */
  private static Namespace ipcNamespace(String ipc, NamespaceOwners owners) {
    if (ipc == null || ipc.equals("private") || ipc.equals("shareable") || ipc.equals("none")) {
      return Namespace.PRIVATE;
    }
    return namespace("ipc", ipc, owners);
  }

  private static String ipcShm(String ipc, NamespaceOwners owners, String ownShm) {
    if (ipc == null || ipc.equals("private")) {
      return null;
    }
    if (ipc.equals("shareable")) {
      return ownShm;
    }
    if (ipc.equals("none")) {
      return "none";
    }
    if (ipc.equals("host")) {
      return "/dev/shm";
    }
    Owner owner = owners.find(ipc, "ipc");
    if (owner.shmPath() == null) {
      // moby daemon/container_operations_unix.go getIpcContainer
      throw new ComposeException(
          ComposeException.Kind.INVALID,
          "ipc " + ipc + ": non-shareable IPC (hint: use ipc: shareable for the donor container)");
    }
    return owner.shmPath();
  }

  /** docker only knows {@code --uts host}. */
  private static Namespace uts(Service s) {
    String uts = blankToNull(s.security().uts());
    if (uts == null) {
      return Namespace.PRIVATE;
    }
    if (!uts.equals("host")) {
      throw invalid("uts", uts, "\"host\"");
    }
    if (s.networking().hostname() != null && !s.networking().hostname().isEmpty()) {
      throw new ComposeException(
          ComposeException.Kind.INVALID,
          "service \"" + s.name() + "\": conflicting options: hostname and the UTS mode");
    }
    return Namespace.HOST;
  }

  private static Namespace cgroup(String mode) {
    String m = blankToNull(mode);
    if (m == null) {
      return null;
    }
    return switch (m) {
      case "host" -> Namespace.HOST;
      case "private" -> Namespace.PRIVATE;
      default -> throw invalid("cgroup", m, "\"host\" or \"private\"");
    };
  }

  static boolean isReference(String mode) {
    return mode.startsWith("service:") || mode.startsWith("container:");
  }

  private static ComposeException invalid(String attribute, String value, String expected) {
    return new ComposeException(
        ComposeException.Kind.INVALID,
        "invalid " + attribute + " mode \"" + value + "\": expected " + expected);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
