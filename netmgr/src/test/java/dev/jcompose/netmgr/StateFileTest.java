package dev.jcompose.netmgr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.netmgr.api.PortBinding;
import dev.jcompose.netmgr.state.DriverOptions;
import dev.jcompose.netmgr.state.EndpointRecord;
import dev.jcompose.netmgr.state.NetState;
import dev.jcompose.netmgr.state.NetworkRecord;
import dev.jcompose.netmgr.state.StateFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {

  @Test
  void saveThenLoad_roundTripsEverything(@TempDir Path dir) {
    NetState s = new NetState();
    s.networks()
        .put(
            "p_default",
            NetworkRecord.bridge(
                "p_default",
                "jcb1",
                "172.29.0.0/24",
                "172.29.0.128/25",
                "172.29.0.1",
                false,
                1400,
                Map.of("k", "v")));
    s.putEndpoint(
        new EndpointRecord(
            "c1",
            "p_default",
            "jcv1",
            "eth0",
            "172.29.0.128",
            24,
            "172.29.0.1",
            "02:42:00:00:00:01",
            List.of("web", "p-web-1"),
            List.of("1.1.1.1")));
    s.ports().put("c1", List.of(new PortBinding("", 32768, "172.29.0.128", 80, "tcp")));
    s.forwardingEnabled(true);
    StateFile store = new StateFile(dir);

    store.save(s);
    NetState loaded = store.load();

    assertThat(loaded.networks()).isEqualTo(s.networks());
    assertThat(loaded.endpoints()).isEqualTo(s.endpoints());
    assertThat(loaded.ports()).isEqualTo(s.ports());
    assertThat(loaded.forwardingEnabled()).isTrue();
    assertThat(Files.exists(dir.resolve("networks.json.tmp"))).isFalse();
  }

  @Test
  void load_missingFile_emptyState(@TempDir Path dir) {
    assertThat(new StateFile(dir).load().networks()).isEmpty();
  }

  // As Vert.x's encodePrettily wrote the file before the common codec (Jackson's pretty printer),
  // with a network from before pools existed: files on disk keep loading across the upgrade.
  @Test
  void load_fileWrittenByEarlierVersions_readsTheSameShape(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("networks.json"),
        """
        {
          "version" : 1,
          "networks" : [ {
            "name" : "old_default",
            "bridge" : "jcb0",
            "subnet" : "172.28.0.0/24",
            "ipRange" : null,
            "gateway" : "172.28.0.1",
            "internal" : false,
            "mtu" : 1500,
            "labels" : { }
          }, {
            "name" : "p_v6",
            "driver" : "bridge",
            "bridge" : "jcb1",
            "parent" : null,
            "standInParent" : false,
            "pools" : [ {
              "subnet" : "fd00::/64",
              "ipRange" : null,
              "gateway" : "fd00::1",
              "auxAddresses" : { "router" : "fd00::2" },
              "defaultGateway" : null
            } ],
            "internal" : true,
            "mtu" : 1400,
            "options" : {
              "icc" : false,
              "masquerade" : true,
              "hostBindingIpv4" : null,
              "inhibitIpv4" : false,
              "ifacePrefix" : "eth",
              "gatewayMode4" : "nat",
              "gatewayMode6" : "nat",
              "hostIpv4" : null,
              "hostIpv6" : null,
              "parent" : null,
              "vlanMode" : null,
              "ipvlanFlag" : null
            },
            "labels" : { "k" : "v" }
          } ],
          "endpoints" : [ {
            "containerId" : "c1",
            "networkName" : "p_v6",
            "hostIf" : "jcv1",
            "ifName" : "eth0",
            "ipv4Address" : "172.29.0.2",
            "prefixLength" : 24,
            "gateway" : "172.29.0.1",
            "macAddress" : "02:42:00:00:00:01",
            "dnsNames" : [ "web" ],
            "dnsServers" : [ ],
            "netns" : "/run/netns/x",
            "ipv6" : {
              "address" : "fd00::10",
              "prefixLength" : 64,
              "gateway" : "fd00::1"
            }
          } ],
          "forwardingEnabled" : true,
          "forwardingEnabled6" : false,
          "ports" : {
            "c1" : [ {
              "hostIp" : "",
              "hostPort" : 8080,
              "containerIp" : "172.29.0.2",
              "containerPort" : 80,
              "protocol" : "tcp"
            } ]
          },
          "resolvers" : { "c1" : "127.0.0.11" }
        }
        """);

    NetState s = new StateFile(dir).load();

    NetworkRecord old = s.networks().get("old_default");
    assertThat(old.driver()).isEqualTo(NetworkRecord.BRIDGE);
    assertThat(old.pools()).hasSize(1);
    assertThat(old.pools().get(0).subnet()).isEqualTo("172.28.0.0/24");
    assertThat(old.options()).isEqualTo(DriverOptions.DEFAULTS);
    NetworkRecord v6 = s.networks().get("p_v6");
    assertThat(v6.internal()).isTrue();
    assertThat(v6.mtu()).isEqualTo(1400);
    assertThat(v6.options().icc()).isFalse();
    assertThat(v6.pools().get(0).auxAddresses()).containsEntry("router", "fd00::2");
    assertThat(v6.labels()).containsEntry("k", "v");
    EndpointRecord e = s.endpoints().get(0);
    assertThat(e.v6().address()).isEqualTo("fd00::10");
    assertThat(e.netns()).isEqualTo("/run/netns/x");
    assertThat(e.dnsNames()).containsExactly("web");
    assertThat(s.ports().get("c1").get(0).hostPort()).isEqualTo(8080);
    assertThat(s.resolvers()).containsEntry("c1", "127.0.0.11");
    assertThat(s.forwardingEnabled()).isTrue();
    StateFile again = new StateFile(dir.resolve("again"));
    again.save(s);
    assertThat(again.load().networks()).isEqualTo(s.networks());
  }
}
