package dev.jcompose.netmgr.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.net.SocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostResolversTest {

  @Test
  void parse_keepsFirstThreeNameserversWithPorts() {
    List<SocketAddress> s =
        HostResolvers.parse(
            List.of(
                "# comment",
                "search example.org",
                "nameserver 10.0.0.53",
                "nameserver 127.0.0.1:5353",
                "options ndots:2",
                "nameserver 10.0.0.54",
                "nameserver 10.0.0.55"));

    assertThat(s)
        .extracting(a -> a.host() + ":" + a.port())
        .containsExactly("10.0.0.53:53", "127.0.0.1:5353", "10.0.0.54:53");
  }
}
