package dev.jcompose.scheduler.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.netmgr.api.AttachRequest;
import dev.jcompose.netmgr.api.PortBinding;
import dev.jcompose.scheduler.testing.Proj;
import dev.jcompose.scheduler.testing.Svc;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkConverterTest {
  @Test
  void attach_defaultNetwork_dnsNamesIncludeServiceContainerAndHostname() {
    var p = Proj.of("p").service(Svc.of("web")).build();
    List<AttachRequest> a =
        NetworkConverter.attachRequests(
            p, p.services().get("web"), "p-web-1", "abc", Path.of("/ns"));
    assertThat(a)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.networkName()).isEqualTo("p_default");
              assertThat(r.ifName()).isEqualTo("eth0");
              assertThat(r.dnsNames()).containsExactly("web", "p-web-1", "abc");
              assertThat(r.defaultRoute()).isTrue();
            });
  }

  @Test
  void hostNetworkMode_attachesNothing() {
    var p = Proj.of("p").service(Svc.of("web").networkMode("host")).build();
    assertThat(NetworkConverter.serviceNetworkKeys(p, p.services().get("web"))).isEmpty();
  }

  @Test
  void ports_fixedRangeAndRandom() {
    var s = Svc.of("web").port(80, "8080").port(443, "9000-9001").port(53, null).build();
    assertThat(NetworkConverter.portBindings(s.networking().ports(), "10.0.0.2"))
        .containsExactly(
            new PortBinding("", 8080, "10.0.0.2", 80, "tcp"),
            new PortBinding("", 9000, "10.0.0.2", 443, "tcp"),
            new PortBinding("", 0, "10.0.0.2", 53, "tcp"));
  }
}
