package dev.jcompose.model.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.model.ProjectLoader;
import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.api.LoadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing the loader accepts is dropped without a word: warnings and refusals name file:line. */
class SupportCheckTest {
  @TempDir Path dir;

  @Test
  void ignoredAttribute_isAWarningWithFileLineAndAttribute() throws IOException {
    List<String> w =
        warnings(
            "services:\n  web:\n    image: busybox\n    storage_opt: {size: 1G}\n    gpus: all\n");
    assertThat(w)
        .anySatisfy(
            m ->
                assertThat(m)
                    .matches(".*compose\\.yaml:4:5: services\\.web\\.storage_opt: .*ignored.*"))
        .anySatisfy(m -> assertThat(m).matches(".*compose\\.yaml:5:5: services\\.web\\.gpus: .*"));
  }

  @Test
  void appliedAttributes_giveNoWarning() throws IOException {
    assertThat(
            warnings(
                "services:\n  web:\n    image: busybox\n    init: true\n    read_only: true\n    pid: host\n"))
        .isEmpty();
  }

  @Test
  void networkSide_linkLocalAndIfnameApplied_otherEndpointOptionsIpamAndIpv6OnlyWarned()
      throws IOException {
    List<String> w =
        warnings(
            """
            services:
              web:
                image: busybox
                networks:
                  front:
                    link_local_ips: ["169.254.8.8"]
                    driver_opts:
                      com.docker.network.endpoint.ifname: front0
                      com.docker.network.endpoint.sysctls: net.ipv4.conf.IFNAME.forwarding=1
            networks:
              front:
                enable_ipv4: false
                enable_ipv6: true
                ipam:
                  driver: custom
                  options: {foo: bar}
            """);
    assertThat(w).noneMatch(m -> m.contains("link_local_ips") || m.contains("endpoint.ifname"));
    assertThat(w)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        ":9:11: services.web.networks.front.driver_opts.com.docker.network.endpoint.sysctls"))
        .anySatisfy(m -> assertThat(m).contains(":12:5: networks.front.enable_ipv4: IPv6-only"))
        .anySatisfy(m -> assertThat(m).contains(":15:7: networks.front.ipam.driver: IPAM driver"))
        .anySatisfy(
            m -> assertThat(m).contains(":16:7: networks.front.ipam.options: IPAM options"));
  }

  @Test
  void nestedSwarmOnlyAttribute_isWarned() throws IOException {
    assertThat(
            warnings(
                "services:\n  web:\n    image: busybox\n    deploy:\n      placement:\n        constraints: [node.role==manager]\n"))
        .anySatisfy(m -> assertThat(m).contains(":5:7: services.web.deploy.placement: swarm only"));
  }

  @Test
  void unsupportedValues_areRefusedWithFileLine() {
    assertThatThrownBy(
            () -> warnings("services:\n  web:\n    image: busybox\n    userns_mode: keep-id\n"))
        .isInstanceOf(ComposeFileException.class)
        .hasMessageContaining("compose.yaml:4:5")
        .hasMessageContaining("userns_mode");
    assertThatThrownBy(() -> warnings("services:\n  web:\n    image: busybox\n    uts: private\n"))
        .hasMessageContaining("compose.yaml:4:5")
        .hasMessageContaining("the only UTS mode is host");
    assertThatThrownBy(
            () ->
                warnings(
                    "services:\n  web:\n    image: busybox\n    pull_policy: every_fortnight\n"))
        .hasMessageContaining("compose.yaml:4:5")
        .hasMessageContaining("invalid pull policy duration");
    assertThatThrownBy(
            () -> warnings("services:\n  web:\n    image: busybox\n    use_api_socket: true\n"))
        .hasMessageContaining("compose.yaml:4:5")
        .hasMessageContaining("use_api_socket is not supported");
  }

  @Test
  void otherLoggingDriver_isWarned_theSupportedOnesAreNot() throws IOException {
    assertThat(
            warnings("services:\n  a:\n    image: busybox\n    logging:\n      driver: syslog\n"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        ":5:7: services.a.logging.driver: logging driver \"syslog\" is not available"));
    assertThat(warnings("services:\n  a:\n    image: busybox\n    logging:\n      driver: local\n"))
        .isEmpty();
  }

  @Test
  void fileSecretWithMode_isWarnedAsDockerComposeDoes() throws IOException {
    Files.writeString(dir.resolve("s.txt"), "x");
    assertThat(
            warnings(
                "services:\n  a:\n    image: busybox\n    secrets:\n      - source: s\n        mode: 0400\n"
                    + "secrets:\n  s:\n    file: ./s.txt\n"))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .contains(
                        "services.a.secrets.0: mode of secret \"s\" not applied: a file source"));
  }

  @Test
  void networkDriversNetmgrHas_giveNoWarning_unknownOptionsAndVolumeDrivers_are()
      throws IOException {
    assertThat(
            warnings(
                "services:\n  a:\n    image: busybox\n    networks: [lan]\n    volumes: [v:/v]\n"
                    + "networks:\n  lan:\n    driver: macvlan\n    enable_ipv6: true\n"
                    + "    driver_opts:\n      parent: eth0\n      colour: blue\n"
                    + "volumes:\n  v:\n    driver: nfs\n"))
        .satisfiesExactly(
            m ->
                assertThat(m)
                    .endsWith(
                        "compose.yaml:12:7: networks.lan.driver_opts.colour: driver option colour"
                            + " is not known to the driver: ignored"),
            m ->
                assertThat(m)
                    .endsWith(
                        "compose.yaml:15:5: volumes.v.driver: volume driver \"nfs\" is not"
                            + " supported: the volume is local"));
  }

  @Test
  void anotherNetworkDriver_isWarnedAtItsLine() throws IOException {
    assertThat(
            warnings(
                "services:\n  a:\n    image: busybox\n    networks: [o]\n"
                    + "networks:\n  o:\n    driver: overlay\n"))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .contains(
                        "compose.yaml:7:5: networks.o.driver: network driver \"overlay\" is not"
                            + " supported"));
  }

  private List<String> warnings(String yaml) throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), yaml);
    return ProjectLoader.loadDetailed(
            new LoadOptions(List.of(), null, null, List.of(), List.of(), Map.of(), dir, true, null))
        .warnings();
  }
}
