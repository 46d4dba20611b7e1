package dev.jcompose.scheduler.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceResources;
import dev.jcompose.model.api.ServiceStorage;
import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ContainerSpec.MountSpec;
import dev.jcompose.runtime.api.ImageConfig;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.testing.Proj;
import dev.jcompose.scheduler.testing.Svc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerSpecFactoryTest {
  private static final String ID =
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  private final List<String> resolved = new ArrayList<>();

  private static ImageHandle image(List<String> entrypoint, List<String> cmd, List<String> env) {
    ImageConfig cfg =
        new ImageConfig(
            entrypoint,
            cmd,
            env,
            "/app",
            "app",
            List.of(),
            List.of(),
            "SIGQUIT",
            Map.of(),
            new ImageConfig.HealthConfig(
                List.of("CMD-SHELL", "check"), 2_000_000_000L, 0, 0, 0, 0));
    return new ImageHandle("img", "sha256:d", "sha256:i", List.of(), cfg, 0);
  }

  private ContainerSpec build(Svc s, ImageHandle image) {
    Project p = Proj.of("p").volume("data").service(s).build();
    Service svc = p.services().get(s.name);
    ContainerRequest r =
        new ContainerRequest(
            p,
            svc,
            "p-" + s.name + "-1",
            1,
            image,
            ID,
            "hash",
            ContainerSpec.NetworkMode.newNamespace(),
            Path.of("/state/etc/p-" + s.name + "-1"),
            null);
    return ContainerSpecFactory.build(
        r,
        (name, anon, target, nocopy) -> {
          resolved.add(name + (anon ? " anon" : "") + (nocopy ? " nocopy" : "") + " " + target);
          return Path.of("/vol", name);
        });
  }

  @Test
  void imageDefaults_entrypointPlusCmd_envOverlaid_hostnameIsShortId() {
    ContainerSpec spec =
        build(
            Svc.of("web").env("B", "svc").env("C", "3"),
            image(List.of("/ep"), List.of("run"), List.of("A=1", "B=img")));
    assertThat(spec.process().args()).containsExactly("/ep", "run");
    assertThat(spec.process().env())
        .containsExactly(
            ProcessMerger.DEFAULT_PATH, "HOSTNAME=0123456789ab", "A=1", "B=svc", "C=3");
    assertThat(spec.process().cwd()).isEqualTo("/app");
    assertThat(spec.process().user()).isEqualTo("app");
    assertThat(spec.hostname()).isEqualTo("0123456789ab");
  }

  @Test
  void serviceEntrypoint_resetsImageCmd() {
    Svc s = Svc.of("web").entrypoint("/other");
    assertThat(build(s, image(List.of("/ep"), List.of("run"), List.of())).process().args())
        .containsExactly("/other");
  }

  @Test
  void serviceCommand_keepsImageEntrypoint() {
    assertThat(
            build(Svc.of("web").command("x", "y"), image(List.of("/ep"), List.of("run"), List.of()))
                .process()
                .args())
        .containsExactly("/ep", "x", "y");
  }

  @Test
  void noCommandAnywhere_isInvalid() {
    assertThatThrownBy(() -> build(Svc.of("web"), image(null, null, null)))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining("no command specified");
  }

  @Test
  void resources_nanoCpusBecomeCfsQuota() {
    Svc s =
        Svc.of("web")
            .resources(
                ServiceResources.builder()
                    .memLimit(64L << 20)
                    .memswapLimit(128L << 20)
                    .memReservation(32L << 20)
                    .nanoCpus(1_500_000_000L)
                    .cpuShares(512L)
                    .cpuset("0-1")
                    .pidsLimit(100L)
                    .build());
    ContainerSpec.Resources r = build(s, image(null, List.of("sh"), null)).resources();
    assertThat(r)
        .isEqualTo(
            new ContainerSpec.Resources(
                64L << 20, 128L << 20, 32L << 20, 150_000L, 100_000L, 512L, "0-1", 100L, null));
  }

  @Test
  void mounts_etcFilesThenVolumesBindsTmpfs() {
    Svc s =
        Svc.of("web")
            .volume("volume", "data", "/data")
            .volume("volume", null, "/cache")
            .volume("bind", "/host/src", "/src")
            .tmpfs("/run:size=64m,ro");
    List<MountSpec> m = build(s, image(null, List.of("sh"), null)).mounts();
    assertThat(m)
        .extracting(MountSpec::target)
        .containsExactly(
            "/etc/hosts", "/etc/resolv.conf", "/etc/hostname", "/data", "/cache", "/src", "/run");
    assertThat(m.get(0).source()).isEqualTo(Path.of("/state/etc/p-web-1/hosts"));
    assertThat(m.get(3).source()).isEqualTo(Path.of("/vol/p_data"));
    assertThat(m.get(5))
        .isEqualTo(
            new MountSpec(
                MountSpec.Type.BIND, Path.of("/host/src"), "/src", false, true, List.of()));
    assertThat(m.get(6))
        .isEqualTo(
            new MountSpec(MountSpec.Type.TMPFS, null, "/run", true, false, List.of("size=64m")));
    assertThat(resolved)
        .containsExactly(
            "p_data /data",
            MountConverter.anonymousVolumeName("p-web-1", "/cache") + " anon /cache");
  }

  @Test
  void labels_composeKeysAndEngineKeys() {
    Svc s =
        Svc.of("web")
            .restart("on-failure:3")
            .dependsOn("db", "service_healthy")
            .stopGracePeriod(Duration.ofSeconds(3));
    Map<String, String> l = build(s, image(null, List.of("sh"), null)).labels();
    assertThat(l)
        .containsEntry("com.docker.compose.project", "p")
        .containsEntry("com.docker.compose.service", "web")
        .containsEntry("com.docker.compose.container-number", "1")
        .containsEntry("com.docker.compose.oneoff", "False")
        .containsEntry("com.docker.compose.config-hash", "hash")
        .containsEntry("com.docker.compose.depends_on", "db:service_healthy:false")
        .containsEntry("dev.jcompose.restart", "on-failure:3")
        .containsEntry("dev.jcompose.stop-signal", "SIGQUIT")
        .containsEntry("dev.jcompose.stop-grace-ms", "3000")
        .containsEntry("dev.jcompose.networks", "p_default");
    assertThat(l.get("dev.jcompose.healthcheck")).startsWith("2000|30000|0|5000|3|CMD-SHELL");
  }

  @Test
  void securityAndLimits() {
    Svc s =
        Svc.of("web")
            .security(
                b ->
                    b.capDrop(List.of("ALL"))
                        .capAdd(List.of("CAP_CHOWN"))
                        .readOnly(true)
                        .securityOpt(List.of("no-new-privileges:true"))
                        .sysctls(Map.of("net.core.somaxconn", "1024")))
            .resources(
                ServiceResources.builder()
                    .ulimits(Map.of("nofile", new ServiceResources.Ulimit(1024, 2048)))
                    .build());
    ContainerSpec spec = build(s, image(null, List.of("sh"), null));
    assertThat(spec.process().capabilities()).containsExactly("CHOWN");
    assertThat(spec.process().noNewPrivileges()).isTrue();
    assertThat(spec.readOnlyRootfs()).isTrue();
    assertThat(spec.process().rlimits())
        .containsExactly(new ContainerSpec.Rlimit("RLIMIT_NOFILE", 1024, 2048));
    assertThat(spec.sysctls()).containsEntry("net.core.somaxconn", "1024");
  }

  @Test
  void security_defaultSeccomp_unconfined_andDeviceRules() {
    assertThat(build(Svc.of("web"), image(null, List.of("sh"), null)).securityOrDefaults())
        .isEqualTo(ContainerSpec.Security.defaults());
    Svc s =
        Svc.of("web")
            .security(
                b ->
                    b.securityOpt(List.of("seccomp:unconfined"))
                        .deviceCgroupRules(List.of("c 10:200 rwm")));
    ContainerSpec.Security sec = build(s, image(null, List.of("sh"), null)).security();
    assertThat(sec.seccomp()).isEqualTo(ContainerSpec.Seccomp.UNCONFINED);
    assertThat(sec.deviceCgroupRules()).containsExactly("c 10:200 rwm");
  }

  @Test
  void security_seccompFile_isReadFromTheProjectDirectory() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("/tmp/p"));
    java.nio.file.Path file = dir.resolve("sc-" + System.nanoTime() + ".json");
    java.nio.file.Files.writeString(file, "{\"defaultAction\":\"SCMP_ACT_ALLOW\"}");
    try {
      Svc s = Svc.of("web").security(b -> b.securityOpt(List.of("seccomp=" + file.getFileName())));
      assertThat(build(s, image(null, List.of("sh"), null)).security().seccomp())
          .isEqualTo(ContainerSpec.Seccomp.profile("{\"defaultAction\":\"SCMP_ACT_ALLOW\"}"));
      Svc missing = Svc.of("web").security(b -> b.securityOpt(List.of("seccomp=missing.json")));
      assertThatThrownBy(() -> build(missing, image(null, List.of("sh"), null)))
          .hasMessageStartingWith("service web: cannot read seccomp profile /tmp/p/missing.json");
      Svc bad = Svc.of("web").security(b -> b.securityOpt(List.of("nonsense")));
      assertThatThrownBy(() -> build(bad, image(null, List.of("sh"), null)))
          .hasMessageStartingWith("service web: invalid security_opt");
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }

  @Test
  void imageVolumes_notCoveredByServiceMounts_getAnonymousVolumes() {
    ImageConfig cfg =
        new ImageConfig(
            null,
            List.of("sh"),
            null,
            null,
            null,
            List.of(),
            List.of("/var/lib/x", "/data"),
            null,
            Map.of(),
            null);
    ImageHandle img = new ImageHandle("img", "d", "i", List.of(), cfg, 0);
    ContainerSpec spec = build(Svc.of("web").volume("volume", "data", "/data"), img);
    assertThat(spec.mounts())
        .extracting(MountSpec::target)
        .containsExactly("/etc/hosts", "/etc/resolv.conf", "/etc/hostname", "/var/lib/x", "/data");
    assertThat(spec.labels().get("dev.jcompose.volumes"))
        .isEqualTo(MountConverter.anonymousVolumeName("p-web-1", "/var/lib/x"));
  }

  @Test
  void
      fileSecret_isAReadOnlyBind_inlineContent_aFileOfTheContainersOwnPerTarget_withOwnerAndMode() {
    Project base = Proj.of("p").service(Svc.of("web")).build();
    Service web = base.services().get("web");
    Service withRefs =
        web.toBuilder()
            .storage(
                web.storage()
                    .withSecrets(
                        List.of(new ServiceStorage.FileRef("token", null, null, null, null)))
                    .withConfigs(
                        List.of(
                            new ServiceStorage.FileRef("conf", "/etc/app.conf", null, null, null),
                            new ServiceStorage.FileRef("conf", "/etc/own.conf", "70", "71", 0440))))
            .build();
    Project p =
        new Project(
            "p",
            base.workingDir(),
            List.of(),
            Map.of("web", withRefs),
            base.networks(),
            Map.of(),
            Map.of(
                "token",
                new dev.jcompose.model.api.Secret(
                    "token", "p_token", "/src/token.txt", null, false, Map.of())),
            Map.of(
                "conf",
                new dev.jcompose.model.api.Config(
                    "conf", "p_conf", null, null, "k=v", false, Map.of())));
    ContainerRequest r =
        new ContainerRequest(
            p,
            withRefs,
            "p-web-1",
            1,
            image(null, List.of("sh"), null),
            ID,
            "h",
            ContainerSpec.NetworkMode.newNamespace(),
            Path.of("/etc-dir"),
            null);
    ContainerSpec spec =
        ContainerSpecFactory.build(
            r,
            (n, a, t, nc) -> Path.of("/v"),
            (kind, target, content, attrs) ->
                Path.of(
                    "/w",
                    kind,
                    target.replace("/", "_")
                        + "="
                        + content
                        + " "
                        + attrs.uid()
                        + ":"
                        + attrs.gid()
                        + " 0"
                        + Integer.toOctalString(attrs.mode())));
    assertThat(spec.mounts())
        .contains(
            new MountSpec(
                MountSpec.Type.BIND,
                Path.of("/src/token.txt"),
                "/run/secrets/token",
                true,
                false,
                List.of()),
            new MountSpec(
                MountSpec.Type.BIND,
                Path.of("/w/config/_etc_app.conf=k=v 0:0 0444"),
                "/etc/app.conf",
                false,
                false,
                List.of()),
            new MountSpec(
                MountSpec.Type.BIND,
                Path.of("/w/config/_etc_own.conf=k=v 70:71 0440"),
                "/etc/own.conf",
                false,
                false,
                List.of()));
  }
}
