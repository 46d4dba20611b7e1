package dev.jcompose.scheduler.convert;

import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceProcess;
import dev.jcompose.model.api.ServiceSecurity;
import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ContainerSpec.MountSpec;
import dev.jcompose.runtime.api.ImageConfig;
import dev.jcompose.scheduler.api.ComposeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the runtime's {@link ContainerSpec} for one compose container: the one place that knows
 * both the compose model and the runtime. /etc/hosts, /etc/resolv.conf and /etc/hostname are bind
 * mounts of files in {@link ContainerRequest#etcDir()} that the engine fills once the network is
 * attached (their content needs the container's address and DNS server, known only then).
 */
public final class ContainerSpecFactory {
  public static final List<String> ETC_FILES = List.of("hosts", "resolv.conf", "hostname");

  private ContainerSpecFactory() {}

  public static ContainerSpec build(ContainerRequest r, MountConverter.VolumeResolver volumes) {
    return build(
        r,
        volumes,
        (kind, name, content, attributes) -> {
          throw new ComposeException(
              ComposeException.Kind.INVALID, kind + " " + name + " needs a content writer");
        });
  }

  public static ContainerSpec build(
      ContainerRequest r,
      MountConverter.VolumeResolver volumes,
      FileRefConverter.ContentWriter writer) {
    Service s = r.service();
    ServiceProcess sp = s.process();
    ServiceSecurity sec = s.security();
    ImageConfig image = r.image().config();
    String hostname = r.hostname();
    var run = r.run();
    ContainerSpec.ProcessSpec process =
        new ContainerSpec.ProcessSpec(
            ProcessMerger.args(
                s,
                image,
                run == null ? null : run.command(),
                run == null ? null : run.entrypoint()),
            ProcessMerger.env(
                image, sp.environment(), run == null ? null : run.environment(), hostname),
            ProcessMerger.cwd(sp, image, run == null ? null : run.workdir()),
            ProcessMerger.user(sp, image, run == null ? null : run.user()),
            sp.groupAdd(),
            run != null ? run.tty() : sp.tty(),
            run != null ? run.interactive() : sp.stdinOpen(),
            Capabilities.compute(sec.capAdd(), sec.capDrop(), sec.privileged()),
            SecurityConverter.options(s).noNewPrivileges(),
            ResourceConverter.rlimits(s.resources().ulimits()));
    List<MountSpec> mounts = new ArrayList<>(etcMounts(r));
    List<MountSpec> own = MountConverter.mounts(r.project(), s, r.name(), volumes);
    // volumes_from first: the service's own mounts at the same places win, as with docker
    r.inheritedMounts().stream()
        .filter(m -> own.stream().noneMatch(o -> o.target().equals(m.target())))
        .forEach(mounts::add);
    mounts.addAll(
        MountConverter.imageVolumes(
            image == null ? null : image.volumes(), own, r.name(), volumes));
    mounts.addAll(own);
    mounts.addAll(FileRefConverter.mounts(r.project(), s, writer));
    return new ContainerSpec(
        r.name(),
        r.image(),
        process,
        hostname,
        s.networking().domainname(),
        r.networkMode(),
        mounts,
        Map.of(),
        ResourceConverter.resources(s.resources()),
        sec.readOnly(),
        sec.privileged(),
        sec.sysctls(),
        devices(sec),
        s.resources().shmSize(),
        ContainerLabels.of(r),
        r.isolation(),
        LogConfigConverter.logConfig(s),
        SecurityConverter.security(r.project(), s),
        run != null && run.attachWait());
  }

  /**
   * Binds of the etc files, read-only with {@code read_only: true} as docker mounts them
   * (container.NetworkMounts); a user mount at the same target comes later and wins.
   */
  static List<MountSpec> etcMounts(ContainerRequest r) {
    List<MountSpec> out = new ArrayList<>();
    for (String f : ETC_FILES) {
      out.add(
          new MountSpec(
              MountSpec.Type.BIND,
              r.etcDir().resolve(f),
              "/etc/" + f,
              r.service().security().readOnly(),
              false,
              List.of()));
    }
    return out;
  }

  private static List<ContainerSpec.DeviceSpec> devices(ServiceSecurity s) {
    return s.devices().stream()
        .map(
            d ->
                new ContainerSpec.DeviceSpec(
                    Path.of(d.source()),
                    d.target() == null ? d.source() : d.target(),
                    d.permissions() == null ? "rwm" : d.permissions()))
        .toList();
  }
}
