package dev.jcompose.netmgr.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.netmgr.api.NetworkException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubnetAllocatorTest {
  private static final IpPrefix ULA = SubnetAllocator.uniqueLocal("0123456789");
  private final SubnetAllocator allocator =
      new SubnetAllocator(SubnetAllocator.DEFAULT_POOLS, List.of(ULA));

  @Test
  void allocate_nothingTaken_firstPoolSlash24() {
    assertThat(allocator.allocate("p_default", false, List.of())).hasToString("172.29.0.0/24");
  }

  @Test
  void allocate_skipsHostRoutesAndOtherNetworks() {
    List<TakenRange> taken =
        List.of(
            new TakenRange(IpPrefix.parse("172.29.0.0/24"), "network 'a'"),
            new TakenRange(
                IpPrefix.parse("172.29.1.128/25"), "host route 172.29.1.128/25 dev wg0"));

    assertThat(allocator.allocate("p_default", false, taken)).hasToString("172.29.2.0/24");
  }

  @Test
  void allocate_poolsExhausted_namesPoolsAndRemedy() {
    SubnetAllocator tiny = new SubnetAllocator(List.of(IpPrefix.parse("10.1.0.0/23")), List.of());
    List<TakenRange> taken = List.of(new TakenRange(IpPrefix.parse("10.1.0.0/23"), "network 'x'"));

    assertThatThrownBy(() -> tiny.allocate("p_new", false, taken))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("no free subnet for network 'p_new'")
        .hasMessageContaining("10.1.0.0/23")
        .hasMessageContaining("ipam.config.subnet")
        .extracting(e -> ((NetworkException) e).kind())
        .isEqualTo(NetworkException.Kind.UNAVAILABLE);
  }

  @Test
  void checkConfigured_overlap_namesBothSides() {
    List<TakenRange> taken =
        List.of(
            new TakenRange(IpPrefix.parse("192.168.1.0/24"), "host route 192.168.1.0/24 dev eth0"));

    assertThatThrownBy(
            () -> allocator.checkConfigured("p_lan", IpPrefix.parse("192.168.0.0/16"), taken))
        .isInstanceOf(NetworkException.class)
        .hasMessage(
            "subnet 192.168.0.0/16 of network 'p_lan' overlaps host route 192.168.1.0/24 dev eth0"
                + " (192.168.1.0/24)")
        .extracting(e -> ((NetworkException) e).kind())
        .isEqualTo(NetworkException.Kind.CONFLICT);
  }

  @Test
  void uniqueLocal_isFdPlusFortyBitsOfTheEngine() {
    assertThat(ULA).hasToString("fd01:2345:6789::/48");
  }

  @Test
  void allocate_ipv6_slash64sOfTheEnginesPrefix_skippingTaken() {
    List<TakenRange> taken =
        List.of(new TakenRange(IpPrefix.parse("fd01:2345:6789::/64"), "network 'a'"));

    assertThat(allocator.allocate("p6", true, List.of())).hasToString("fd01:2345:6789::/64");
    assertThat(allocator.allocate("p6", true, taken)).hasToString("fd01:2345:6789:1::/64");
  }

  @Test
  void families_neverOverlap() {
    assertThat(IpPrefix.parse("0.0.0.0/0").overlaps(IpPrefix.parse("::/0"))).isFalse();
    assertThat(IpPrefix.parse("fd00::/8").overlaps(IpPrefix.parse("fd00:0:0:1::/64"))).isTrue();
  }

  @Test
  void cidr_parse_normalisesHostBits() {
    assertThat(Cidr.parse("10.0.0.77/24")).hasToString("10.0.0.0/24");
    assertThat(Cidr.parse("10.0.0.0/8").contains(Cidr.parse("10.9.0.0/16"))).isTrue();
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(NetworkException.class);
    assertThatThrownBy(() -> Cidr.parse("10.0.300.0/24"))
        .hasMessageContaining("not an IPv4 address");
  }
}
