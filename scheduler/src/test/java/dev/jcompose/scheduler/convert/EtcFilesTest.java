package dev.jcompose.scheduler.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.model.api.ServiceNetworking.ExtraHost;
import java.util.List;
import org.junit.jupiter.api.Test;

class EtcFilesTest {
  @Test
  void hosts_localhostExtraHostsAndOwnAddress() {
    String hosts =
        EtcFiles.hosts(
            List.of(ExtraHost.parse("db.local:10.0.0.5"), ExtraHost.parse("gw=host-gateway")),
            "172.20.0.1",
            "172.20.0.2",
            "abc123",
            null);
    assertThat(hosts)
        .startsWith("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n")
        .endsWith("10.0.0.5\tdb.local\n172.20.0.1\tgw\n172.20.0.2\tabc123\n");
  }

  @Test
  void hosts_hostnameWithDomainname_givesFqdnThenShortName() {
    assertThat(EtcFiles.hosts(List.of(), null, "172.20.0.2", "box", "example.test"))
        .endsWith("172.20.0.2\tbox.example.test box\n");
  }
}
