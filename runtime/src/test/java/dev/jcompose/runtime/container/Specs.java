package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ContainerSpec.Isolation;
import dev.jcompose.runtime.api.ContainerSpec.MountSpec;
import dev.jcompose.runtime.api.ContainerSpec.NetworkMode;
import dev.jcompose.runtime.api.ContainerSpec.ProcessSpec;
import dev.jcompose.runtime.api.ContainerSpec.Resources;
import dev.jcompose.runtime.api.ContainerSpec.Rlimit;
import dev.jcompose.runtime.api.ImageConfig;
import dev.jcompose.runtime.api.ImageHandle;
import java.util.List;
import java.util.Map;

/** Small spec builders for tests. */
final class Specs {
  /** An image with no layers and an empty config, for tests that never start its process. */
  static final ImageHandle IMAGE =
      new ImageHandle(
          "img",
          "sha256:1",
          "sha256:2",
          List.of(),
          new ImageConfig(null, null, null, null, null, null, null, null, null, null),
          0);

  private Specs() {}

  static ContainerSpec spec(String id, ImageHandle image, String... args) {
    return with(id, image, process(null, List.of(), args), List.of());
  }

  static ProcessSpec process(String user, List<Rlimit> rlimits, String... args) {
    return new ProcessSpec(
        List.of(args),
        List.of("FOO=bar"),
        "/",
        user,
        List.of(),
        false,
        false,
        null,
        false,
        rlimits);
  }

  static ContainerSpec with(String id, ImageHandle image, ProcessSpec p, List<MountSpec> mounts) {
    return new ContainerSpec(
        id,
        image,
        p,
        "box-" + id,
        null,
        NetworkMode.newNamespace(),
        mounts,
        Map.of("/etc/hostname", "box-" + id + "\n", "/etc/hosts", "127.0.0.1 localhost\n"),
        Resources.none(),
        false,
        false,
        Map.of(),
        List.of(),
        null,
        Map.of("test", "yes"),
        ContainerSpec.Isolation.defaults(),
        null,
        null);
  }

  /** {@code s} with another security (seccomp, AppArmor, no-new-privileges...). */
  static ContainerSpec withSecurity(ContainerSpec s, ContainerSpec.Security security) {
    return copy(s, s.isolation(), security, s.attachWait());
  }

  /** {@code s} with other namespaces and init settings. */
  static ContainerSpec withIsolation(ContainerSpec s, Isolation isolation) {
    return copy(s, isolation, s.security(), s.attachWait());
  }

  /** {@code s} whose start waits for an attach (as a foreground run's does). */
  static ContainerSpec attachWaiting(ContainerSpec s) {
    return copy(s, s.isolation(), s.security(), true);
  }

  private static ContainerSpec copy(
      ContainerSpec s, Isolation isolation, ContainerSpec.Security security, boolean attachWait) {
    return new ContainerSpec(
        s.id(),
        s.image(),
        s.process(),
        s.hostname(),
        s.domainname(),
        s.network(),
        s.mounts(),
        s.etcFiles(),
        s.resources(),
        s.readOnlyRootfs(),
        s.privileged(),
        s.sysctls(),
        s.devices(),
        s.shmSizeBytes(),
        s.labels(),
        isolation,
        s.logging(),
        security,
        attachWait);
  }
}
