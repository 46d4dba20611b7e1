package dev.jcompose.scheduler.convert;

import dev.jcompose.runtime.api.ContainerSpec.MountSpec;
import dev.jcompose.scheduler.api.ComposeException;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code volumes_from}: the volumes and binds of another container, at the same places, as docker's
 * --volumes-from copies its mount points (moby daemon/volumes.go): {@code ro} or {@code rw} after
 * the name sets every copied mount's mode, without it each keeps its own. The container's generated
 * /etc files are its own, never copied.
 */
public final class VolumesFrom {
  private static final Set<String> ETC = Set.of("/etc/hosts", "/etc/hostname", "/etc/resolv.conf");

  /**
   * A parsed entry: {@code reference} is service:x or container:x; {@code readOnly} null = keep.
   */
  public record Source(String reference, Boolean readOnly) {}

  private VolumesFrom() {}

  /** {@code svc}, {@code svc:ro}, {@code container:name}, {@code container:name:rw}. */
  public static Source parse(String entry) {
    boolean container = entry.startsWith("container:");
    String rest = container ? entry.substring("container:".length()) : entry;
    int colon = rest.lastIndexOf(':');
    Boolean ro = null;
    if (colon > 0) {
      String mode = rest.substring(colon + 1);
      if (!mode.equals("ro") && !mode.equals("rw")) {
        throw new ComposeException(
            ComposeException.Kind.INVALID,
            "volumes_from " + entry + ": invalid mode \"" + mode + "\"");
      }
      ro = mode.equals("ro");
      rest = rest.substring(0, colon);
    }
    return new Source((container ? "container:" : "service:") + rest, ro);
  }

  /** The mounts to copy from the container {@code owner} (its id, found by the caller). */
  public static List<MountSpec> copy(Source source, List<MountSpec> ownerMounts) {
    Function<MountSpec, MountSpec> mode =
        m ->
            source.readOnly() == null
                ? m
                : new MountSpec(
                    m.type(), m.source(), m.target(), source.readOnly(), false, m.options());
    return ownerMounts.stream()
        .filter(m -> m.type() != MountSpec.Type.TMPFS && !ETC.contains(m.target()))
        .map(mode)
        .toList();
  }
}
