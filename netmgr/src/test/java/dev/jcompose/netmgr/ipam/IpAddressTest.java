package dev.jcompose.netmgr.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.netmgr.api.NetworkException;
import org.junit.jupiter.api.Test;

/** Address text of both families: parsed without lookups, IPv6 printed as RFC 5952 says. */
class IpAddressTest {

  @Test
  void ipv6_canonicalText_rfc5952() {
    assertThat(IpAddress.parse("2001:0DB8:0000:0000:0000:0000:0000:0001"))
        .hasToString("2001:db8::1");
    assertThat(IpAddress.parse("2001:db8:0:1:1:1:1:1"))
        .hasToString("2001:db8:0:1:1:1:1:1"); // one zero group stays
    assertThat(IpAddress.parse("2001:0:0:1:0:0:0:1"))
        .hasToString("2001:0:0:1::1"); // the longest run
    assertThat(IpAddress.parse("2001:db8:0:0:1:0:0:1"))
        .hasToString("2001:db8::1:0:0:1"); // the first of equal runs
    assertThat(IpAddress.parse("::")).hasToString("::");
    assertThat(IpAddress.parse("::1")).hasToString("::1");
    assertThat(IpAddress.parse("fd00::")).hasToString("fd00::");
    assertThat(IpAddress.parse("::ffff:192.0.2.1")).hasToString("::ffff:c000:201");
  }

  @Test
  void ipv6_bytes_roundTrip() {
    IpAddress a = IpAddress.parse("fd01:2345:6789::2");

    assertThat(a.bytes()).hasSize(16);
    assertThat(IpAddress.ofBytes(a.bytes())).isEqualTo(a);
    assertThat(IpAddress.parse("10.0.0.1").bytes()).containsExactly(10, 0, 0, 1);
  }

  @Test
  void notAnAddress_invalidWithoutLookup() {
    for (String bad :
        new String[] {
          "fe80::1%eth0", "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::", "g::1", "localhost", ":1"
        }) {
      assertThatThrownBy(() -> IpAddress.parse(bad)).as(bad).isInstanceOf(NetworkException.class);
    }
  }

  @Test
  void prefix_hostBitsCleared_andContainment() {
    IpPrefix p = IpPrefix.parse("fd00:1:2:3:4::/64");

    assertThat(p).hasToString("fd00:1:2:3::/64");
    assertThat(p.last()).hasToString("fd00:1:2:3:ffff:ffff:ffff:ffff");
    assertThat(p.contains(IpAddress.parse("fd00:1:2:3::99"))).isTrue();
    assertThat(p.contains(IpAddress.parse("10.0.0.1"))).isFalse();
  }
}
