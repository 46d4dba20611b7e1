package dev.jcompose.scheduler.convert;

import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.SecurityOptions;
import dev.jcompose.model.api.Service;
import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ContainerSpec.Seccomp;
import dev.jcompose.scheduler.api.ComposeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A service's {@code security_opt} and {@code device_cgroup_rules} as the runtime's {@link
 * ContainerSpec.Security}. A {@code seccomp=FILE} profile is read here, relative to the project
 * directory, and travels as its text, as the docker CLI sends it to the daemon.
 */
final class SecurityConverter {
  /** Docker's default profile is 13 KiB; a profile a thousand times larger is not one. */
  private static final int MAX_PROFILE_BYTES = 1 << 20;

  private SecurityConverter() {}

  static ContainerSpec.Security security(Project project, Service s) {
    return new ContainerSpec.Security(
        seccomp(project, s, options(s)), s.security().deviceCgroupRules());
  }

  /** The parsed options; the engine does not trust its client, so a bad one is refused here too. */
  static SecurityOptions options(Service s) {
    try {
      return s.security().options();
    } catch (IllegalArgumentException e) {
      throw new ComposeException(
          ComposeException.Kind.INVALID, "service " + s.name() + ": " + e.getMessage());
    }
  }

  private static Seccomp seccomp(Project project, Service s, SecurityOptions opts) {
    if (opts.defaultSeccomp()) {
      return Seccomp.DEFAULT;
    }
    if (opts.seccomp().equals(SecurityOptions.UNCONFINED)) {
      return Seccomp.UNCONFINED;
    }
    Path file = project.workingDir().resolve(opts.seccomp());
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_PROFILE_BYTES + 1);
      if (bytes.length > MAX_PROFILE_BYTES) {
        throw new ComposeException(
            ComposeException.Kind.INVALID,
            "service " + s.name() + ": seccomp profile " + file + " is larger than 1 MiB");
      }
      return Seccomp.profile(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ComposeException(
          ComposeException.Kind.INVALID,
          "service " + s.name() + ": cannot read seccomp profile " + file + ": " + e.getMessage());
    }
  }
}
