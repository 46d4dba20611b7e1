package dev.jcompose.netmgr.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.netmgr.api.NetworkException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddressAllocatorTest {
  private final IpPrefix subnet = IpPrefix.parse("172.29.0.0/24");
  private final AddressAllocator allocator =
      new AddressAllocator("p_default", subnet, null, ip("172.29.0.1"), Map.of());

  @Test
  void allocate_skipsNetworkAndGateway() {
    assertThat(allocator.allocate(Map.of())).hasToString("172.29.0.2");
  }

  @Test
  void allocate_afterRelease_reusesLowestFree() {
    Map<IpAddress, String> inUse = new HashMap<>();
    inUse.put(ip("172.29.0.2"), "container a");
    inUse.put(ip("172.29.0.3"), "container b");
    inUse.remove(ip("172.29.0.2"));

    assertThat(allocator.allocate(inUse)).hasToString("172.29.0.2");
  }

  @Test
  void allocate_withIpRange_staysInRange() {
    AddressAllocator ranged =
        new AddressAllocator(
            "p", subnet, IpPrefix.parse("172.29.0.128/25"), ip("172.29.0.1"), Map.of());

    assertThat(ranged.allocate(Map.of())).hasToString("172.29.0.128");
  }

  @Test
  void allocate_skipsAuxiliaryAddresses() {
    AddressAllocator aux =
        new AddressAllocator(
            "p",
            subnet,
            null,
            ip("172.29.0.1"),
            Map.of(ip("172.29.0.2"), "router", ip("172.29.0.3"), "printer"));

    assertThat(aux.allocate(Map.of())).hasToString("172.29.0.4");
  }

  @Test
  void reserve_auxiliaryAddress_conflictNamingIt() {
    AddressAllocator aux =
        new AddressAllocator(
            "p", subnet, null, ip("172.29.0.1"), Map.of(ip("172.29.0.9"), "router"));

    assertThatThrownBy(() -> aux.reserve("172.29.0.9", Map.of()))
        .hasMessage(
            "address 172.29.0.9 on network 'p' is already used by auxiliary address router");
  }

  @Test
  void allocate_full_saysHowManyAttached() {
    AddressAllocator small =
        new AddressAllocator(
            "p_small", IpPrefix.parse("10.0.0.0/30"), null, ip("10.0.0.1"), Map.of());
    Map<IpAddress, String> inUse = Map.of(ip("10.0.0.2"), "container a");

    assertThatThrownBy(() -> small.allocate(inUse))
        .hasMessage("no free address in 10.0.0.0/30 of network 'p_small' (1 endpoints attached)");
  }

  @Test
  void reserve_fixedAddress_returnedWhenFree() {
    assertThat(allocator.reserve("172.29.0.50", Map.of())).hasToString("172.29.0.50");
  }

  @Test
  void reserve_taken_namesHolder() {
    Map<IpAddress, String> inUse = Map.of(ip("172.29.0.50"), "container web-1");

    assertThatThrownBy(() -> allocator.reserve("172.29.0.50", inUse))
        .isInstanceOf(NetworkException.class)
        .hasMessage(
            "address 172.29.0.50 on network 'p_default' is already used by container web-1");
  }

  @Test
  void reserve_gatewayOrOutside_invalid() {
    assertThatThrownBy(() -> allocator.reserve("172.29.0.1", Map.of()))
        .hasMessageContaining("is the gateway");
    assertThatThrownBy(() -> allocator.reserve("10.0.0.5", Map.of()))
        .hasMessageContaining("outside subnet 172.29.0.0/24");
  }

  @Test
  void ipv6_allocate_skipsSubnetRouterAnycastAndGateway() {
    IpPrefix v6 = IpPrefix.parse("fd00:1:2:3::/64");
    AddressAllocator a =
        new AddressAllocator("p6", v6, null, AddressAllocator.firstHost(v6), Map.of());

    assertThat(AddressAllocator.firstHost(v6)).hasToString("fd00:1:2:3::1");
    assertThat(a.allocate(Map.of())).hasToString("fd00:1:2:3::2");
    assertThat(a.allocate(Map.of(ip("fd00:1:2:3::2"), "container a"))).hasToString("fd00:1:2:3::3");
    assertThatThrownBy(() -> a.reserve("fd00:1:2:3::", Map.of()))
        .hasMessageContaining("subnet-router anycast address");
  }

  @Test
  void ipv6_ipRange_andFixedAddress() {
    IpPrefix v6 = IpPrefix.parse("2001:db8::/64");
    AddressAllocator a =
        new AddressAllocator(
            "p6", v6, IpPrefix.parse("2001:db8::1:0/112"), ip("2001:db8::1"), Map.of());

    assertThat(a.allocate(Map.of())).hasToString("2001:db8::1:0");
    assertThat(a.reserve("2001:db8::abcd", Map.of())).hasToString("2001:db8::abcd");
    assertThatThrownBy(() -> a.reserve("2001:db9::1", Map.of()))
        .hasMessageContaining("outside subnet 2001:db8::/64");
  }

  private static IpAddress ip(String text) {
    return IpAddress.parse(text);
  }
}
