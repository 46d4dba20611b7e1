package dev.jcompose.netmgr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.netmgr.api.PortBinding;
import dev.jcompose.netmgr.state.EndpointRecord;
import dev.jcompose.netmgr.state.NetState;
import dev.jcompose.netmgr.state.NetworkRecord;
import dev.jcompose.netmgr.state.StateFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {

  @Test
  void saveThenLoad_roundTripsEverything(@TempDir Path dir) {
    NetState s = new NetState();
    s.networks()
        .put(
            "p_default",
            NetworkRecord.bridge(
                "p_default",
                "jcb1",
                "172.29.0.0/24",
                "172.29.0.128/25",
                "172.29.0.1",
                false,
                1400,
                Map.of("k", "v")));
    s.putEndpoint(
        new EndpointRecord(
            "c1",
            "p_default",
            "jcv1",
            "eth0",
            "172.29.0.128",
            24,
            "172.29.0.1",
            "02:42:00:00:00:01",
            List.of("web", "p-web-1"),
            List.of("1.1.1.1")));
    s.ports().put("c1", List.of(new PortBinding("", 32768, "172.29.0.128", 80, "tcp")));
    s.forwardingEnabled(true);
    StateFile store = new StateFile(dir);

    store.save(s);
    NetState loaded = store.load();

    assertThat(loaded.networks()).isEqualTo(s.networks());
    assertThat(loaded.endpoints()).isEqualTo(s.endpoints());
    assertThat(loaded.ports()).isEqualTo(s.ports());
    assertThat(loaded.forwardingEnabled()).isTrue();
    assertThat(Files.exists(dir.resolve("networks.json.tmp"))).isFalse();
  }

  @Test
  void load_missingFile_emptyState(@TempDir Path dir) {
    assertThat(new StateFile(dir).load().networks()).isEmpty();
  }
}
