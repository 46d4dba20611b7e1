package dev.jcompose.netmgr.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.netmgr.api.NetworkException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddressAllocatorTest {
  private final Cidr subnet = Cidr.parse("172.29.0.0/24");
  private final AddressAllocator allocator =
      new AddressAllocator("p_default", subnet, null, Ipv4.parse("172.29.0.1"));

  @Test
  void allocate_skipsNetworkAndGateway() {
    assertThat(Ipv4.format(allocator.allocate(Map.of()))).isEqualTo("172.29.0.2");
  }

  @Test
  void allocate_afterRelease_reusesLowestFree() {
    Map<Integer, String> inUse = new HashMap<>();
    inUse.put(Ipv4.parse("172.29.0.2"), "container a");
    inUse.put(Ipv4.parse("172.29.0.3"), "container b");
    inUse.remove(Ipv4.parse("172.29.0.2"));

    assertThat(Ipv4.format(allocator.allocate(inUse))).isEqualTo("172.29.0.2");
  }

  @Test
  void allocate_withIpRange_staysInRange() {
    AddressAllocator ranged =
        new AddressAllocator("p", subnet, Cidr.parse("172.29.0.128/25"), Ipv4.parse("172.29.0.1"));

    assertThat(Ipv4.format(ranged.allocate(Map.of()))).isEqualTo("172.29.0.128");
  }

  @Test
  void allocate_full_saysHowManyAttached() {
    AddressAllocator small =
        new AddressAllocator("p_small", Cidr.parse("10.0.0.0/30"), null, Ipv4.parse("10.0.0.1"));
    Map<Integer, String> inUse = Map.of(Ipv4.parse("10.0.0.2"), "container a");

    assertThatThrownBy(() -> small.allocate(inUse))
        .hasMessage("no free address in 10.0.0.0/30 of network 'p_small' (1 endpoints attached)");
  }

  @Test
  void reserve_fixedAddress_returnedWhenFree() {
    assertThat(Ipv4.format(allocator.reserve("172.29.0.50", Map.of()))).isEqualTo("172.29.0.50");
  }

  @Test
  void reserve_taken_namesHolder() {
    Map<Integer, String> inUse = Map.of(Ipv4.parse("172.29.0.50"), "container web-1");

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
}
