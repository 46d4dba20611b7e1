package dev.jcompose.model.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.api.NetworkMode;
import dev.jcompose.model.api.PortRange;
import dev.jcompose.model.api.Protocol;
import dev.jcompose.model.api.RestartPolicy;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceNetworking;
import dev.jcompose.model.api.ServiceNetworking.Port;
import dev.jcompose.model.api.ServiceStorage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypedServicesTest {

  private static Service web(String body) {
    return Fixtures.load(
            "services:\n  db: {image: postgres}\n  web:\n    image: nginx\n" + body.indent(4))
        .project()
        .services()
        .get("web");
  }

  @Test
  void ports_shortAndLongSyntax_areTypedOnce() {
    Service s =
        web(
            """
        ports:
          - "127.0.0.1:8080-8081:80-81/udp"
          - "[::1]:9000:90"
          - "3000"
          - {target: 53, published: "5353-5354", protocol: sctp, mode: host}
        """);
    assertThat(s.networking().ports())
        .containsExactly(
            new Port(null, 80, PortRange.single(8080), "127.0.0.1", Protocol.UDP, "ingress", null),
            new Port(null, 81, PortRange.single(8081), "127.0.0.1", Protocol.UDP, "ingress", null),
            new Port(null, 90, PortRange.single(9000), "::1", Protocol.TCP, "ingress", null),
            new Port(null, 3000, null, null, Protocol.TCP, "ingress", null),
            new Port(null, 53, new PortRange(5353, 5354), null, Protocol.SCTP, "host", null));
    assertThat(s.networking().ports().get(2).ipv6()).isTrue();
  }

  @Test
  void ports_oneContainerPortOnAHostRange_keepsTheRange() {
    assertThat(Port.parse("8000-8010:80")).containsExactly(Port.of(80, new PortRange(8000, 8010)));
  }

  @Test
  void ports_badPublishedInLongSyntax_namesFileLineAndAttribute() {
    assertThatThrownBy(() -> web("ports:\n  - {target: 80, published: eighty}"))
        .isInstanceOf(ComposeFileException.class)
        .hasMessageStartingWith("compose.yaml:")
        .hasMessageContaining("services.web.ports[0].published: invalid published port: eighty");
  }

  @Test
  void attach_defaultsToTrue_falseWhenWrittenSo() {
    assertThat(web("").process().attach()).isTrue();
    assertThat(web("attach: false").process().attach()).isFalse();
    assertThat(web("attach: true").process().attach()).isTrue();
  }

  @Test
  void restart_textWithRetryLimit() {
    assertThat(web("restart: on-failure:3").lifecycle().restart())
        .isEqualTo(new RestartPolicy(RestartPolicy.Mode.ON_FAILURE, 3, null, null));
    assertThat(web("").lifecycle().restart()).isEqualTo(RestartPolicy.NO);
  }

  @Test
  void restart_deployPolicyReplacesRestart_asDockerComposeDoes() {
    Service s =
        web(
            "restart: always\ndeploy:\n  restart_policy: {condition: on-failure, max_attempts: 2, delay: 5s, window: 1m}");
    assertThat(s.lifecycle().restart())
        .isEqualTo(
            new RestartPolicy(
                RestartPolicy.Mode.ON_FAILURE, 2, Duration.ofSeconds(5), Duration.ofMinutes(1)));
    assertThat(
            web("restart: always\ndeploy: {restart_policy: {max_attempts: 4}}")
                .lifecycle()
                .restart())
        .isEqualTo(new RestartPolicy(RestartPolicy.Mode.NO, 4, null, null));
    assertThat(
            web("deploy: {restart_policy: {condition: any, max_attempts: 3}}")
                .lifecycle()
                .restart()
                .label())
        .isEqualTo("always:3");
  }

  @Test
  void restart_unknownPolicy_namesAttribute() {
    assertThatThrownBy(() -> web("restart: sometimes"))
        .isInstanceOf(ComposeFileException.class)
        .hasMessageContaining("services.web.restart: invalid restart policy \"sometimes\"");
  }

  @Test
  void restart_labelFormRoundTrips() {
    for (String text :
        new String[] {"no", "always", "on-failure", "on-failure:5", "unless-stopped", "always:2"}) {
      assertThat(RestartPolicy.parse(text).label()).isEqualTo(text);
    }
    assertThat(RestartPolicy.parse("always").restartsAfter(0)).isTrue();
    assertThat(RestartPolicy.parse("on-failure").restartsAfter(0)).isFalse();
    assertThat(RestartPolicy.parse("on-failure").restartsAfter(2)).isTrue();
  }

  @Test
  void networking_modeLinksExtraHostsExposeTyped() {
    Service s =
        web(
            """
        network_mode: service:db
        extra_hosts: ["gw:host-gateway", "v6=[::2]"]
        expose: ["9000-9001/udp", 80]
        """);
    assertThat(s.networking().mode()).isEqualTo(new NetworkMode(NetworkMode.Kind.SERVICE, "db"));
    assertThat(s.networking().mode().parentService()).isEqualTo("db");
    assertThat(s.networking().extraHosts())
        .containsExactly(
            new ServiceNetworking.ExtraHost("gw", "host-gateway"),
            new ServiceNetworking.ExtraHost("v6", "::2"));
    assertThat(s.networking().expose())
        .containsExactly(
            new ServiceNetworking.Expose(new PortRange(9000, 9001), Protocol.UDP),
            new ServiceNetworking.Expose(PortRange.single(80), Protocol.TCP));
    assertThat(web("links: ['db:database']").networking().links())
        .containsExactly(new ServiceNetworking.Link("db", "database"));
    assertThat(NetworkMode.parse("default")).isEqualTo(NetworkMode.BRIDGE);
  }

  @Test
  void storage_mountTypesAndTmpfs() {
    Service s =
        Fixtures.load(
                """
        services:
          web: {image: nginx, volumes: [/host:/in:ro, data:/data, /anon], tmpfs: ['/run:size=1m,mode=1777']}
        volumes: {data: {}}
        """)
            .project()
            .services()
            .get("web");
    assertThat(s.storage().volumes())
        .extracting(ServiceStorage.Mount::type)
        .containsExactly(
            ServiceStorage.MountType.BIND,
            ServiceStorage.MountType.VOLUME,
            ServiceStorage.MountType.VOLUME);
    assertThat(s.storage().volumes().get(2).anonymous()).isTrue();
    assertThat(s.storage().tmpfs())
        .containsExactly(new ServiceStorage.Tmpfs("/run", List.of("size=1m", "mode=1777")));
  }

  @Test
  void durationsAndSizes_areTyped() {
    Service s = web("stop_grace_period: 1m30s\nshm_size: 64m\nmem_limit: 1g");
    assertThat(s.lifecycle().stopGracePeriod()).isEqualTo(Duration.ofSeconds(90));
    assertThat(s.resources().shmSize()).isEqualTo(64L << 20);
    assertThat(s.resources().memLimit()).isEqualTo(1L << 30);
  }

  @Test
  void builder_toBuilder_roundTrips() {
    Service s = web("restart: always\nports: ['80:80']\nenvironment: {A: '1'}");
    assertThat(s.toBuilder().build()).isEqualTo(s);
    assertThat(Service.builder("x").build().lifecycle().scale()).isEqualTo(1);
  }
}
