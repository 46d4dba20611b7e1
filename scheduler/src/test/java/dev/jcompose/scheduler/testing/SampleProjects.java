package dev.jcompose.scheduler.testing;

import dev.jcompose.model.api.Config;
import dev.jcompose.model.api.Network;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Secret;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.Volume;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Projects for API tests, with every field of every record set (so a lost field shows). */
public final class SampleProjects {
  private SampleProjects() {}

  public static Project full(String name) {
    Service web = web();
    Map<String, Object> canonical = new LinkedHashMap<>();
    canonical.put("name", name);
    canonical.put("services", Map.of("web", Map.of("image", "busybox", "ports", List.of(Map.of("target", 80)), "tty", true)));
    canonical.put("x-ratio", 1.5);
    canonical.put("x-nothing", null);
    return new Project(
        name,
        Path.of("/srv/" + name),
        List.of(Path.of("/srv/" + name + "/compose.yaml"), Path.of("relative/override.yaml")),
        Map.of("web", web),
        Map.of("default", new Network("default", name + "_default", "bridge", Map.of("mtu", "1400"), false, true, true, Boolean.FALSE,
            new Network.Ipam("default", List.of(new Network.IpamPool("172.28.0.0/16", "172.28.5.0/24", "172.28.5.254", Map.of("host1", "172.28.1.5"))), Map.of("o", "v")),
            Map.of("l", "v"))),
        Map.of("data", new Volume("data", name + "_data", "local", Map.of("type", "tmpfs"), false, Map.of("k", "v"))),
        Map.of("token", new Secret("token", name + "_token", "/srv/token.txt", null, false, Map.of())),
        Map.of("conf", new Config("conf", name + "_conf", null, null, "hello: world", false, Map.of("a", "b"))),
        canonical);
  }

  public static Project minimal(String name) {
    return new Project(name, Path.of("/tmp"), List.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
  }

  private static Service web() {
    return new Service(
        "web", "busybox:1.36", Map.of("context", "."), List.of("sh", "-c", "echo hi"), List.of("/entry"),
        Map.of("A", "1", "EMPTY", ""), "/app", "1000:1000", List.of("wheel"), "web-host", "example.org", "custom-web",
        Map.of("com.example", "x"),
        List.of(new Service.Port("http", 80, "8080", "127.0.0.1", "tcp", "ingress", "http")),
        List.of(new Service.Expose("9000/udp")),
        List.of(
            new Service.ServiceVolume("volume", "data", "/data", false, null, null, null, null, Boolean.TRUE, "sub", null, null),
            new Service.ServiceVolume("tmpfs", null, "/tmp", false, null, null, null, null, null, null, 65536L, 01777)),
        List.of("/run"),
        Map.of("default", new Service.ServiceNetwork(List.of("alias"), "172.28.0.5", null, null, 10, null, Map.of())),
        "bridge",
        Map.of("db", new Service.Dependency("service_healthy", true, false)),
        new Service.HealthCheck(List.of("CMD-SHELL", "true"), Duration.ofSeconds(2), Duration.ofMillis(1500), 3, Duration.ofMinutes(1), Duration.ofMillis(100), false),
        "unless-stopped",
        new Service.RestartPolicy("on-failure", Duration.ofSeconds(5), 3, Duration.ofSeconds(120)),
        2,
        new Service.Resources(64L << 20, 128L << 20, 32L << 20, 500_000_000L, 512L, 50_000L, 100_000L, "0", 64L, -500, Boolean.FALSE),
        List.of("NET_ADMIN"), List.of("MKNOD"), false, true, "SIGINT", Duration.ofSeconds(3), true, true, Boolean.TRUE,
        Map.of("nofile", new Service.Ulimit(1024, 2048)),
        List.of("host.docker.internal:host-gateway"), List.of("1.1.1.1"), List.of("example.org"), List.of("ndots:1"),
        Map.of("net.core.somaxconn", "1024"),
        List.of(new Service.Device("/dev/fuse", "/dev/fuse", "rwm")),
        List.of("no-new-privileges:true"), List.of("db:database"), List.of("dev"), "missing", "linux/amd64", 67108864L,
        "private", "container:other", "02:42:ac:11:00:02",
        Map.of("driver", "json-file", "options", Map.of("max-size", "10m")),
        List.of(new Service.ServiceFileRef("token", "/run/secrets/token", "0", "0", 0400)),
        List.of(new Service.ServiceFileRef("conf", "/etc/conf", null, null, null)), List.of());
  }
}
