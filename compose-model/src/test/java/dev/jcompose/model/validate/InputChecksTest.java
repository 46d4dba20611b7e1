package dev.jcompose.model.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.normalize.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The attacks of issue 12 as compose files: each is refused at load with file:line:column and the
 * attribute, before anything reaches the engine.
 */
@Tag("security")
class InputChecksTest {

  private static void fails(String yaml, String message) {
    assertThatThrownBy(() -> Fixtures.load(yaml))
        .isInstanceOf(ComposeFileException.class)
        .hasMessage(message);
  }

  @Test
  void networkName_withNewlineAndIpCommand_isRefused() {
    fails(
        """
        services:
          a: {image: x, networks: [n]}
        networks:
          n:
            name: "x\\nnetns add jcattack"
        """,
        "compose.yaml:5:5: networks.n.name: invalid network name \"x\\nnetns add jcattack\": "
            + "only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
  }

  @Test
  void interfaceNameAndLinkLocalIps_notWhatTheKernelTakes_areRefused() {
    fails(
        """
        services:
          a:
            image: x
            networks:
              front: {interface_name: "eth0/../x"}
        networks:
          front: {}
        """,
        "compose.yaml:5:7: services.a.networks.front: invalid interface_name \"eth0/../x\": "
            + "an interface name of at most 15 letters, digits, '.', '-' or '_'");
    assertThatThrownBy(
            () ->
                Fixtures.load(
                    """
                    services:
                      a:
                        image: x
                        networks:
                          front: {link_local_ips: ["169.254.1.1", "a; ip netns add x"]}
                    networks:
                      front: {}
                    """))
        .isInstanceOf(ComposeFileException.class)
        .hasMessageStartingWith(
            "compose.yaml:5:7: services.a.networks.front: invalid link_local_ips")
        .hasMessageContaining("a; ip netns add x");
  }

  @Test
  void containerName_climbingOutOfTheStateRoot_isRefused() {
    fails(
        """
        services:
          a:
            image: x
            container_name: ../../../../../../tmp/x
        """,
        "compose.yaml:4:5: services.a.container_name: invalid container name \"../../../../../../tmp/x\": "
            + "only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
  }

  @Test
  void configKey_withPathSeparators_isRefused() {
    fails(
        """
        services:
          a: {image: x, configs: [../../x]}
        configs:
          ../../x: {content: hi}
        """,
        "compose.yaml:4:3: configs.../../x: invalid config name \"../../x\": must match [a-zA-Z0-9._-]+");
  }

  @Test
  void secretKey_dotDot_isRefused() {
    fails(
        """
        services:
          a: {image: x, secrets: [..]}
        secrets:
          ..: {environment: HOME}
        """,
        "compose.yaml:4:3: secrets...: invalid secret name \"..\": must not be . or ..");
  }

  @Test
  void hostSysctl_isRefusedNamingTheKey() {
    fails(
        """
        services:
          a:
            image: x
            sysctls:
              kernel.core_pattern: "|/tmp/x"
        """,
        "compose.yaml:5:7: services.a.sysctls.kernel.core_pattern: sysctl kernel.core_pattern is not allowed: "
            + "it is not in a namespace of the container and would change the host");
  }

  @Test
  void netSysctl_onTheHostNetwork_isRefused_listForm() {
    fails(
        """
        services:
          a:
            image: x
            network_mode: host
            sysctls: [net.ipv4.ip_forward=1]
        """,
        "compose.yaml:5:15: services.a.sysctls.net.ipv4.ip_forward: sysctl net.ipv4.ip_forward is not allowed "
            + "in the host's network namespace (network_mode: host)");
  }

  @Test
  void namespacedSysctls_areAccepted() {
    assertThatCode(
            () ->
                Fixtures.load(
                    """
        services:
          a:
            image: x
            sysctls: {net.core.somaxconn: 1024, kernel.shmmax: 100000, fs.mqueue.msg_max: 20, kernel.domainname: x}
        """))
        .doesNotThrowAnyException();
  }

  @Test
  void volumeName_external_withSlash_isRefused() {
    fails(
        """
        services:
          a: {image: x, volumes: ['v:/d']}
        volumes:
          v: {external: true, name: ../../etc}
        """,
        "compose.yaml:4:23: volumes.v.name: invalid volume name \"../../etc\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
  }

  @Test
  void volumeSubpath_climbingOut_isRefused() {
    fails(
        """
        services:
          a:
            image: x
            volumes: [{type: volume, source: v, target: /d, volume: {subpath: ../../../etc}}]
        volumes:
          v: {}
        """,
        "compose.yaml:4:15: services.a.volumes.0: invalid volume subpath \"../../../etc\": must not contain . or .. segments");
  }

  @Test
  void hostname_withNewline_isRefused() {
    fails(
        "services:\n  a:\n    image: x\n    hostname: \"a\\n1.2.3.4 evil\"\n",
        "compose.yaml:4:5: services.a.hostname: invalid hostname \"a\\n1.2.3.4 evil\": "
            + "labels of letters, digits, '-' and '_' separated by dots expected");
  }

  @Test
  void environmentKey_withEquals_andLabelKey_withSpace_areRefused() {
    fails(
        "services:\n  a:\n    image: x\n    environment: {\"A=B\": x}\n",
        "compose.yaml:4:19: services.a.environment.A=B: invalid environment variable name \"A=B\": must be non-empty, without '=' or NUL");
    fails(
        "services:\n  a:\n    image: x\n    labels: {\"a b\": x}\n",
        "compose.yaml:4:14: services.a.labels.a b: invalid label \"a b\": keys must be non-empty, without whitespace or control characters");
  }

  @Test
  void extraHost_withoutAddress_isRefused() {
    fails(
        "services:\n  a:\n    image: x\n    extra_hosts: [\"db:not-an-ip\"]\n",
        "compose.yaml:4:19: services.a.extra_hosts.0: invalid extra host \"db=not-an-ip\": \"not-an-ip\" is not an IP address");
  }

  @Test
  void device_relativeOrBadPermissions_isRefused() {
    fails(
        "services:\n  a:\n    image: x\n    devices: [\"/dev/fuse:/dev/fuse:rwx\"]\n",
        "compose.yaml:4:15: services.a.devices.0: invalid device permissions \"rwx\": a combination of r, w and m expected");
  }

  @Test
  void ulimit_unknownName_andSoftAboveHard_areRefused() {
    fails(
        "services:\n  a:\n    image: x\n    ulimits: {nofiles: 10}\n",
        "compose.yaml:4:15: services.a.ulimits.nofiles: unknown ulimit \"nofiles\": expected one of as, core, cpu, data, "
            + "fsize, locks, memlock, msgqueue, nice, nofile, nproc, rss, rtprio, rttime, sigpending, stack");
    fails(
        "services:\n  a:\n    image: x\n    ulimits: {nofile: {soft: 20, hard: 10}}\n",
        "compose.yaml:4:15: services.a.ulimits.nofile: invalid ulimit nofile: soft limit 20 is above the hard limit 10");
  }

  @Test
  void tmpfsOption_outsideTheAllowedSet_isRefused() {
    fails(
        "services:\n  a:\n    image: x\n    tmpfs: [\"/run:size=1m,suid\"]\n",
        "compose.yaml:4:13: services.a.tmpfs.0: invalid tmpfs option \"suid\" for /run: expected one of "
            + "exec, nodev, noexec, nosuid, ro, rw, size=, mode=, uid=, gid=, nr_inodes=, nr_blocks=");
  }

  @Test
  void nulInACommand_andRelativeWorkingDir_areRefused() {
    fails(
        "services:\n  a:\n    image: x\n    command: [\"sh\", \"a\\0b\"]\n",
        "compose.yaml:4:21: services.a.command.1: command contains a NUL byte");
    fails(
        "services:\n  a:\n    image: x\n    working_dir: app\n",
        "compose.yaml:4:5: services.a.working_dir: the working directory \"app\" is invalid, it needs to be an absolute path");
  }

  @Test
  void containerNetworkMode_withTraversal_isRefused() {
    fails(
        "services:\n  a:\n    image: x\n    network_mode: container:../x\n",
        "compose.yaml:4:5: services.a.network_mode: invalid container name \"../x\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
  }

  @Test
  void secretOwner_byName_andConfigMode_beyondPermissionBits_areRefused() {
    fails(
        """
        services:
          a:
            image: x
            secrets: [{source: tok, uid: root}]
        secrets:
          tok: {environment: HOME}
        """,
        "compose.yaml:4:15: services.a.secrets.0: invalid secret uid \"root\": "
            + "a numeric id (0 to 4294967294) expected");
    fails(
        """
        services:
          a:
            image: x
            configs: [{source: c, gid: "4294967295"}]
        configs:
          c: {content: hi}
        """,
        "compose.yaml:4:15: services.a.configs.0: invalid config gid \"4294967295\": "
            + "a numeric id (0 to 4294967294) expected");
    fails(
        """
        services:
          a:
            image: x
            configs: [{source: c, mode: 0100644}]
        configs:
          c: {content: hi}
        """,
        "compose.yaml:4:15: services.a.configs.0: invalid config mode 0100644: at most 07777");
  }

  @Test
  void fileSourcedSecret_withOwnerAndMode_isWarnedAbout_notSilentlyBoundAsIs() {
    var loaded =
        Fixtures.load(
            """
            services:
              a:
                image: x
                secrets: [{source: f, uid: "1000", mode: 0400}, {source: e, mode: 0400}]
            secrets:
              f: {file: ./f.txt}
              e: {environment: HOME}
            """);
    assertThat(loaded.warnings())
        .containsExactly(
            "compose.yaml:4:15: services.a.secrets.0: uid, mode of secret \"f\" not applied: a file"
                + " source is bind-mounted with the host file's owner and mode");
  }

  @Test
  void ordinaryProject_passes() {
    assertThatCode(
            () ->
                Fixtures.load(
                    """
        services:
          web:
            image: x
            container_name: my-web.1
            hostname: web.local
            environment: [A=1, B]
            labels: [com.example.x=y]
            extra_hosts: ["db:10.0.0.2", "v6=::1", "gw:host-gateway"]
            devices: ["/dev/fuse"]
            tmpfs: ["/run:size=64m,mode=1777,noexec"]
            ulimits: {nofile: {soft: 1024, hard: 4096}, nproc: -1}
            dns: [1.1.1.1]
            dns_search: [example.com]
            networks: {front: {aliases: [www], ipv4_address: 172.30.0.5}}
            secrets: [tok, {source: tok, target: t2, uid: "1000", gid: "0", mode: 0440}]
        networks:
          front: {ipam: {config: [{subnet: 172.30.0.0/24}]}}
        secrets:
          tok: {environment: HOME}
        """))
        .doesNotThrowAnyException();
  }
}
