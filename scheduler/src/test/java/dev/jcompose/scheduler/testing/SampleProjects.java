package dev.jcompose.scheduler.testing;

import dev.jcompose.model.api.BuildConfig;
import dev.jcompose.model.api.Config;
import dev.jcompose.model.api.HealthCheck;
import dev.jcompose.model.api.LoggingConfig;
import dev.jcompose.model.api.Network;
import dev.jcompose.model.api.NetworkMode;
import dev.jcompose.model.api.PortRange;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Protocol;
import dev.jcompose.model.api.RestartPolicy;
import dev.jcompose.model.api.Secret;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceLifecycle;
import dev.jcompose.model.api.ServiceNetworking;
import dev.jcompose.model.api.ServiceProcess;
import dev.jcompose.model.api.ServiceResources;
import dev.jcompose.model.api.ServiceSecurity;
import dev.jcompose.model.api.ServiceStorage;
import dev.jcompose.model.api.Volume;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Projects for API tests, with every field of every record set (so a lost field shows). */
public final class SampleProjects {
  private SampleProjects() {}

  public static Project full(String name) {
    return new Project(
        name,
        Path.of("/srv/" + name),
        List.of(Path.of("/srv/" + name + "/compose.yaml"), Path.of("relative/override.yaml")),
        Map.of("web", web()),
        Map.of(
            "default",
            new Network(
                "default",
                name + "_default",
                "bridge",
                Map.of("mtu", "1400"),
                false,
                true,
                true,
                Boolean.FALSE,
                new Network.Ipam(
                    "default",
                    List.of(
                        new Network.IpamPool(
                            "172.28.0.0/16",
                            "172.28.5.0/24",
                            "172.28.5.254",
                            Map.of("host1", "172.28.1.5"))),
                    Map.of("o", "v")),
                Map.of("l", "v"))),
        Map.of(
            "data",
            new Volume(
                "data", name + "_data", "local", Map.of("type", "tmpfs"), false, Map.of("k", "v"))),
        Map.of(
            "token", new Secret("token", name + "_token", "/srv/token.txt", null, false, Map.of())),
        Map.of(
            "conf",
            new Config(
                "conf", name + "_conf", null, null, "hello: world", false, Map.of("a", "b"))));
  }

  public static Project minimal(String name) {
    return new Project(
        name, Path.of("/tmp"), List.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
  }

  private static Service web() {
    return Service.builder("web")
        .image("busybox:1.36")
        .pullPolicy("missing")
        .platform("linux/amd64")
        .build(
            new BuildConfig(
                "/srv/app",
                "Dockerfile.dev",
                null,
                Map.of("V", "1"),
                "dev",
                Map.of("b", "c"),
                List.of("a"),
                List.of("b"),
                true,
                true,
                "host",
                Map.of("extra", "/ctx"),
                List.of("app:dev"),
                List.of("linux/amd64"),
                List.of(new ServiceNetworking.ExtraHost("h", "10.0.0.1")),
                1024L,
                List.of(new ServiceStorage.FileRef("token", null, null, null, null)),
                List.of()))
        .containerName("custom-web")
        .labels(Map.of("com.example", "x"))
        .profiles(List.of("dev"))
        .process(
            ServiceProcess.builder()
                .command(List.of("sh", "-c", "echo hi"))
                .entrypoint(List.of("/entry"))
                .environment(Map.of("A", "1", "EMPTY", ""))
                .workingDir("/app")
                .user("1000:1000")
                .groupAdd(List.of("wheel"))
                .tty(true)
                .stdinOpen(true)
                .init(Boolean.TRUE)
                .build())
        .networking(networking())
        .storage(
            new ServiceStorage(
                List.of(
                    new ServiceStorage.Mount(
                        ServiceStorage.MountType.VOLUME,
                        "data",
                        "/data",
                        false,
                        "cached",
                        Boolean.TRUE,
                        "rprivate",
                        "z",
                        Boolean.TRUE,
                        "sub",
                        null,
                        null),
                    new ServiceStorage.Mount(
                        ServiceStorage.MountType.TMPFS,
                        null,
                        "/tmp",
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        65536L,
                        01777)),
                List.of(ServiceStorage.Tmpfs.parse("/run:size=1m")),
                List.of(new ServiceStorage.FileRef("token", "/run/secrets/token", "0", "0", 0400)),
                List.of(new ServiceStorage.FileRef("conf", "/etc/conf", null, null, null))))
        .resources(
            new ServiceResources(
                64L << 20,
                128L << 20,
                32L << 20,
                500_000_000L,
                512L,
                50_000L,
                100_000L,
                "0",
                64L,
                -500,
                Boolean.FALSE,
                67108864L,
                Map.of("nofile", new ServiceResources.Ulimit(1024, 2048))))
        .security(
            new ServiceSecurity(
                false,
                true,
                List.of("NET_ADMIN"),
                List.of("MKNOD"),
                List.of("no-new-privileges:true"),
                List.of(new ServiceSecurity.Device("/dev/fuse", "/dev/fuse", "rwm")),
                Map.of("net.core.somaxconn", "1024"),
                "private",
                "container:other",
                null,
                null,
                null,
                null,
                List.of()))
        .healthcheck(
            new HealthCheck(
                List.of("CMD-SHELL", "true"),
                Duration.ofSeconds(2),
                Duration.ofMillis(1500),
                3,
                Duration.ofMinutes(1),
                Duration.ofMillis(100),
                false))
        .lifecycle(
            new ServiceLifecycle(
                Map.of("db", new ServiceLifecycle.Dependency("service_healthy", true, false)),
                new RestartPolicy(
                    RestartPolicy.Mode.ON_FAILURE,
                    3,
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(120)),
                2,
                "SIGINT",
                Duration.ofSeconds(3)))
        .logging(new LoggingConfig("json-file", Map.of("max-size", "10m")))
        .hashedForm("{\"image\":\"web\"}")
        .build();
  }

  private static ServiceNetworking networking() {
    return new ServiceNetworking(
        NetworkMode.parse("bridge"),
        Map.of(
            "default",
            new ServiceNetworking.Attachment(
                List.of("alias"),
                "172.28.0.5",
                "fd00::5",
                "02:42:ac:11:00:03",
                10,
                1,
                Map.of("o", "v"),
                "eth3",
                List.of("169.254.8.8"))),
        "web-host",
        "example.org",
        "02:42:ac:11:00:02",
        List.of(
            new ServiceNetworking.Port(
                "http",
                80,
                PortRange.parse("8080-8081", "published"),
                "::1",
                Protocol.UDP,
                "host",
                "http")),
        List.of(ServiceNetworking.Expose.parse("9000/udp")),
        List.of(new ServiceNetworking.ExtraHost("host.docker.internal", "host-gateway")),
        List.of("1.1.1.1"),
        List.of("example.org"),
        List.of("ndots:1"),
        List.of(ServiceNetworking.Link.parse("db:database")));
  }
}
