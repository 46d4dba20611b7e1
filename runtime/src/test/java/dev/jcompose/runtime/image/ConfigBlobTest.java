package dev.jcompose.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConfigBlobTest {

  @Test
  void parse_fullConfig_mapsEveryField() {
    String json =
        """
        {"architecture":"amd64","os":"linux",
         "config":{"Entrypoint":["/entry"],"Cmd":["run"],"Env":["A=1"],"WorkingDir":"/w","User":"app",
           "ExposedPorts":{"80/tcp":{}},"Volumes":{"/data":{}},"StopSignal":"SIGQUIT","Labels":{"k":"v"},
           "Healthcheck":{"Test":["CMD","true"],"Interval":1000000000,"Retries":3}},
         "rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}"""
            .formatted("0".repeat(64));
    ConfigBlob blob = ConfigBlob.parse(json.getBytes(StandardCharsets.UTF_8));
    assertThat(blob.config().entrypoint()).containsExactly("/entry");
    assertThat(blob.config().exposedPorts()).containsExactly("80/tcp");
    assertThat(blob.config().volumes()).containsExactly("/data");
    assertThat(blob.config().labels()).containsEntry("k", "v");
    assertThat(blob.config().healthcheck().retries()).isEqualTo(3);
    assertThat(blob.config().healthcheck().intervalNanos()).isEqualTo(1_000_000_000L);
    assertThat(blob.diffIds()).hasSize(1);
  }

  @Test
  void parse_emptyConfig_leavesNulls() {
    ConfigBlob blob =
        ConfigBlob.parse("{\"rootfs\":{\"diff_ids\":[]}}".getBytes(StandardCharsets.UTF_8));
    assertThat(blob.config().cmd()).isNull();
    assertThat(blob.config().workingDir()).isNull();
    assertThat(blob.config().healthcheck()).isNull();
  }
}
