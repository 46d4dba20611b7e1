package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ContainerSpec.DeviceSpec;
import dev.jcompose.runtime.cgroup.DeviceRule;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The devices a container may use, as docker + runc compute them: everything when privileged;
 * otherwise runc's defaults, the host nodes of {@code devices:} with their permissions (a directory
 * gives every node under it, moby oci.DevicesFromPath) and the {@code device_cgroup_rules}.
 */
final class DeviceAllowList {
  private DeviceAllowList() {}

  static List<DeviceRule> of(ContainerSpec spec) {
    if (spec.privileged()) {
      return List.of(DeviceRule.ALL);
    }
    List<DeviceRule> out = new ArrayList<>(DeviceRule.RUNC_DEFAULTS);
    for (DeviceSpec d : spec.devices()) {
      out.addAll(
          fromHost(
              d.hostPath(),
              d.permissions() == null || d.permissions().isEmpty() ? "rwm" : d.permissions()));
    }
    spec.securityOrDefaults().deviceCgroupRules().forEach(r -> out.add(DeviceRule.parse(r)));
    return out;
  }

  private static List<DeviceRule> fromHost(Path path, String access) {
    try {
      if (Files.isDirectory(path)) {
        try (Stream<Path> s = Files.walk(path)) {
          return s.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
              .flatMap(p -> node(p, access).stream())
              .toList();
        }
      }
      return node(path, access)
          .map(List::of)
          .orElseThrow(
              () ->
                  new ContainerException(
                      Kind.INVALID, "device " + path + " is not a character or block device"));
    } catch (IOException e) {
      throw new ContainerException(
          Kind.INVALID,
          "error gathering device information for " + path + ": " + e.getMessage(),
          e);
    }
  }

  private static Optional<DeviceRule> node(Path p, String access) {
    try {
      int mode = (int) Files.getAttribute(p, "unix:mode");
      int type = mode & NativeOps.S_IFMT;
      if (type != NativeOps.S_IFCHR && type != NativeOps.S_IFBLK) {
        return Optional.empty();
      }
      long rdev = (long) Files.getAttribute(p, "unix:rdev");
      return Optional.of(
          new DeviceRule(
              type == NativeOps.S_IFCHR ? 'c' : 'b',
              NativeOps.major(rdev),
              NativeOps.minor(rdev),
              access));
    } catch (IOException e) {
      throw new ContainerException(
          Kind.INVALID, "cannot stat device " + p + ": " + e.getMessage(), e);
    }
  }
}
