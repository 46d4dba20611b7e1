package dev.jcompose.scheduler.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.model.api.NetworkMode;
import dev.jcompose.model.api.Project;
import dev.jcompose.netmgr.api.AttachRequest;
import dev.jcompose.netmgr.api.NetworkSpec;
import dev.jcompose.netmgr.api.PortBinding;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.testing.Proj;
import dev.jcompose.scheduler.testing.Svc;
import dev.jcompose.scheduler.testing.Yaml;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkConverterTest {
  @Test
  void attach_defaultNetwork_dnsNamesIncludeServiceContainerAndHostname() {
    var p = Proj.of("p").service(Svc.of("web")).build();
    List<AttachRequest> a =
        NetworkConverter.attachRequests(
            p, p.services().get("web"), "p-web-1", "abc", Path.of("/ns"));
    assertThat(a)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.networkName()).isEqualTo("p_default");
              assertThat(r.ifName())
                  .isNull(); // the network names it: eth0, or its container_iface_prefix
              assertThat(r.dnsNames()).containsExactly("web", "p-web-1", "abc");
              assertThat(r.defaultRoute()).isTrue();
            });
  }

  @Test
  void hostNetworkMode_attachesNothing() {
    var p = Proj.of("p").service(Svc.of("web").networkMode("host")).build();
    assertThat(NetworkConverter.serviceNetworkKeys(p, p.services().get("web"))).isEmpty();
  }

  @Test
  void ports_fixedRangeAndRandom() {
    var s = Svc.of("web").port(80, "8080").port(443, "9000-9001").port(53, null).build();
    assertThat(NetworkConverter.portBindings(s.networking().ports(), "10.0.0.2"))
        .containsExactly(
            new PortBinding("", 8080, "10.0.0.2", 80, "tcp"),
            new PortBinding("", 9000, 9001, "10.0.0.2", 443, "tcp"),
            new PortBinding("", 0, "10.0.0.2", 53, "tcp"));
  }

  @Test
  void networkSpec_driverIpv6PoolsAuxAndOptions() {
    Project p =
        Yaml.load(
            """
            services: {web: {image: busybox, networks: [lan]}}
            networks:
              lan:
                driver: macvlan
                enable_ipv6: true
                driver_opts: {parent: eth1, macvlan_mode: private}
                ipam:
                  config:
                    - {subnet: 192.168.9.0/24, gateway: 192.168.9.254, aux_addresses: {router: 192.168.9.1}}
                    - {subnet: "fd00:9::/64"}
            """);

    NetworkSpec spec = NetworkConverter.networkSpec(p, p.networks().get("lan"));

    assertThat(spec.driver()).isEqualTo(NetworkSpec.Driver.MACVLAN);
    assertThat(spec.enableIpv6()).isTrue();
    assertThat(spec.subnets())
        .containsExactly(
            new NetworkSpec.Subnet(
                "192.168.9.0/24", null, "192.168.9.254", Map.of("router", "192.168.9.1")),
            new NetworkSpec.Subnet("fd00:9::/64", null, null));
    assertThat(spec.driverOpts())
        .containsEntry("parent", "eth1")
        .containsEntry("macvlan_mode", "private");
    assertThat(spec.labels()).containsEntry("com.docker.compose.network", "lan");
  }

  @Test
  void networkSpec_hostDriverOrOverlay_refused() {
    Project p =
        Yaml.load(
            """
            services: {web: {image: busybox, networks: [a, b]}}
            networks: {a: {driver: host}, b: {driver: overlay}}
            """);

    assertThatThrownBy(() -> NetworkConverter.networkSpec(p, p.networks().get("a")))
        .hasMessageContaining("only one instance of \"host\" network is allowed");
    assertThatThrownBy(() -> NetworkConverter.networkSpec(p, p.networks().get("b")))
        .hasMessageContaining("driver \"overlay\" is not supported");
  }

  @Test
  void externalHostOrNoneNetwork_isTheContainersNetworkMode() {
    Project p =
        Yaml.load(
            """
            services:
              h: {image: busybox, networks: [hostnet]}
              n: {image: busybox, networks: [nonet]}
              both: {image: busybox, networks: [hostnet, other]}
            networks:
              hostnet: {external: true, name: host}
              nonet: {external: true, name: none}
              other: {}
            """);

    assertThat(NetworkConverter.effectiveMode(p, p.services().get("h")))
        .isEqualTo(NetworkMode.Kind.HOST);
    assertThat(NetworkConverter.effectiveMode(p, p.services().get("n")))
        .isEqualTo(NetworkMode.Kind.NONE);
    assertThat(NetworkConverter.serviceNetworkKeys(p, p.services().get("h"))).isEmpty();
    assertThatThrownBy(() -> NetworkConverter.effectiveMode(p, p.services().get("both")))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining("cannot be disconnected from host network");
  }

  @Test
  void attach_serviceMacOnPrimary_interfaceNameAndIpv6Address() {
    Project p =
        Yaml.load(
            """
            services:
              web:
                image: busybox
                mac_address: "02:42:ac:11:00:99"
                networks:
                  front: {priority: 10, ipv6_address: "fd00:1::5", interface_name: front0, link_local_ips: ["169.254.8.8"]}
                  back: {driver_opts: {com.docker.network.endpoint.ifname: back0}, mac_address: "02:42:ac:11:00:98"}
            networks:
              front: {enable_ipv6: true, ipam: {config: [{subnet: "fd00:1::/64"}]}}
              back: {}
            """);

    List<AttachRequest> a =
        NetworkConverter.attachRequests(p, p.services().get("web"), "p-web-1", "h", Path.of("/ns"));

    assertThat(a).extracting(AttachRequest::networkName).containsExactly("p_front", "p_back");
    assertThat(a).extracting(AttachRequest::ifName).containsExactly("front0", "back0");
    assertThat(a)
        .extracting(AttachRequest::macAddress)
        .containsExactly("02:42:ac:11:00:99", "02:42:ac:11:00:98");
    assertThat(a.get(0).ipv6Address()).isEqualTo("fd00:1::5");
    assertThat(a.get(0).linkLocalIps()).containsExactly("169.254.8.8");
    assertThat(a.get(1).linkLocalIps()).isEmpty();
  }

  @Test
  void attach_serviceMacContradictingPrimary_refusedAsComposeDoes() {
    Project p =
        Yaml.load(
            """
            services:
              web: {image: busybox, mac_address: "02:42:ac:11:00:99", networks: {front: {mac_address: "02:42:ac:11:00:01"}}}
            networks: {front: {}}
            """);

    assertThatThrownBy(
            () ->
                NetworkConverter.attachRequests(
                    p, p.services().get("web"), "p-web-1", "h", Path.of("/ns")))
        .hasMessageContaining(
            "the service-level mac_address should have the same value as network front");
  }

  @Test
  void defaultRoute_throughTheGatewayNetworkDockerdWouldChoose() {
    Project p =
        Yaml.load(
            """
        services:
          plain: {image: busybox, networks: [zeta, alpha]}
          chosen: {image: busybox, networks: {zeta: {gw_priority: 5}, alpha: {priority: 100}}}
          sealed: {image: busybox, networks: [aaa, zeta]}
        networks: {alpha: {}, zeta: {}, aaa: {internal: true}}
        """);

    assertThat(route(p, "plain")).containsExactly("p_alpha"); // by network name
    assertThat(route(p, "chosen")).containsExactly("p_zeta"); // gw_priority beats priority
    assertThat(route(p, "sealed")).containsExactly("p_zeta"); // an internal network routes nowhere
  }

  private static List<String> route(Project p, String service) {
    return NetworkConverter.attachRequests(p, p.services().get(service), "c", "h", Path.of("/ns"))
        .stream()
        .filter(AttachRequest::defaultRoute)
        .map(AttachRequest::networkName)
        .toList();
  }
}
