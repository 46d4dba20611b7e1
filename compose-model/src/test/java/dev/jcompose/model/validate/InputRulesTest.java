package dev.jcompose.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.model.validate.KernelRules.Namespace;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The rules themselves, at their edges: what docker and runc accept is accepted, nothing more. */
@Tag("security")
class InputRulesTest {

  @Test
  void names_followDockersRestrictedCharacters() {
    assertThat(NameRules.container("web-1.a_b")).isNull();
    assertThat(NameRules.container("w"))
        .contains("invalid container name"); // dockerd wants two characters
    assertThat(NameRules.container("-web")).isNotNull();
    assertThat(NameRules.container("a/b")).isNotNull();
    assertThat(NameRules.volume(".hidden")).isNotNull();
    assertThat(NameRules.network("x")).isNull();
    assertThat(NameRules.network("a".repeat(101))).contains("longer than 100");
    assertThat(NameRules.network("a b")).isNotNull();
    assertThat(NameRules.project("My")).isNotNull();
    assertThat(NameRules.project("my_app-2")).isNull();
    assertThat(NameRules.key("config", ".htpasswd")).isNull();
    assertThat(NameRules.key("config", ".")).contains("must not be . or ..");
  }

  @Test
  void sysctls_followRuncsNamespaceList() {
    assertThat(KernelRules.sysctl("net.ipv4.ip_forward", "1", Namespace.PRIVATE, Namespace.PRIVATE))
        .isNull();
    assertThat(KernelRules.sysctl("net.ipv4.ip_forward", "1", Namespace.SHARED, Namespace.PRIVATE))
        .contains("shared with another container");
    assertThat(
            KernelRules.sysctl(
                "kernel.sem", "250 32000 32 128", Namespace.PRIVATE, Namespace.PRIVATE))
        .isNull();
    assertThat(KernelRules.sysctl("kernel.sem", "250", Namespace.PRIVATE, Namespace.HOST))
        .contains("host's IPC namespace (ipc: host)");
    assertThat(
            KernelRules.sysctl("fs.mqueue.queues_max", "10", Namespace.PRIVATE, Namespace.PRIVATE))
        .isNull();
    assertThat(KernelRules.sysctl("kernel.hostname", "x", Namespace.PRIVATE, Namespace.PRIVATE))
        .contains("hostname attribute");
    assertThat(KernelRules.sysctl("kernel.domainname", "x", Namespace.PRIVATE, Namespace.PRIVATE))
        .isNull();
    assertThat(
            KernelRules.sysctl("vm.overcommit_memory", "1", Namespace.PRIVATE, Namespace.PRIVATE))
        .contains("would change the host");
    assertThat(KernelRules.sysctl("net/ipv4/ip_forward", "1", Namespace.PRIVATE, Namespace.PRIVATE))
        .contains("a dotted name");
    assertThat(KernelRules.sysctl("net..ipv4", "1", Namespace.PRIVATE, Namespace.PRIVATE))
        .contains("a dotted name");
    assertThat(
            KernelRules.sysctl("net.core.somaxconn", "1\n2", Namespace.PRIVATE, Namespace.PRIVATE))
        .contains("control characters");
    assertThat(KernelRules.namespaceOf("service:db")).isEqualTo(Namespace.SHARED);
    assertThat(KernelRules.namespaceOf(null)).isEqualTo(Namespace.PRIVATE);
  }

  @Test
  void ulimits_unlimitedIsMinusOne() {
    assertThat(KernelRules.ulimit("nofile", -1, -1)).isNull();
    assertThat(KernelRules.ulimit("nofile", 10, -1)).isNull();
    assertThat(KernelRules.ulimit("nofile", -1, 10)).contains("above the hard limit");
    assertThat(KernelRules.ulimit("nofile", -2, 10)).contains("-1 (unlimited) or more");
  }

  @Test
  void hostnamesAndAddresses() {
    assertThat(ValueRules.hostname("hostname", "db_1.example.org")).isNull();
    assertThat(ValueRules.hostname("hostname", "a".repeat(65))).contains("longer than 64");
    assertThat(ValueRules.dnsName("alias", "-a")).isNotNull();
    assertThat(ValueRules.extraHost("v6", "::1")).isNull();
    assertThat(ValueRules.extraHost("v6", "fe80::1")).isNull();
    assertThat(ValueRules.extraHost("a b", "1.2.3.4")).contains("whitespace");
    assertThat(ValueRules.extraHost("x", "example.com")).contains("not an IP address");
    assertThat(ValueRules.ip("dns", "256.1.1.1")).isNotNull();
    assertThat(ValueRules.cidr("subnet", "10.0.0.0/33")).contains("prefix too long");
    assertThat(ValueRules.cidr("subnet", "fd00::/64")).isNull();
    assertThat(ValueRules.mac("mac", "02:42:ac:11:00:02")).isNull();
    assertThat(ValueRules.envKey("PATH")).isNull();
    assertThat(ValueRules.labelKey("com.example.x")).isNull();
  }

  @Test
  void pathsAndMountOptions() {
    assertThat(MountRules.device("/dev/fuse", "/dev/fuse", "rwm")).isNull();
    assertThat(MountRules.device("/dev/fuse", null, "rr")).contains("device permissions");
    assertThat(MountRules.device("fuse", null, null)).contains("an absolute path");
    assertThat(MountRules.device("/dev/../etc/shadow", null, null)).contains(". or .. segments");
    assertThat(MountRules.subpath("a/b")).isNull();
    assertThat(MountRules.subpath("/a")).contains("relative path inside the volume");
    assertThat(MountRules.subpath("a/../../b")).contains(". or .. segments");
    assertThat(MountRules.tmpfs("/run", List.of())).isNull();
    assertThat(
            MountRules.tmpfs(
                "/run",
                List.of("rw", "noexec", "nosuid", "nodev", "size=10%", "mode=1777", "uid=1000")))
        .isNull();
    assertThat(MountRules.tmpfs("/run", List.of("size=64m", "dev")))
        .contains("invalid tmpfs option \"dev\"");
    assertThat(MountRules.tmpfs("run", List.of())).contains("an absolute path");
  }
}
