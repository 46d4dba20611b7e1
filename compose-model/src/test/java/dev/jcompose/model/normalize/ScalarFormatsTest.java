package dev.jcompose.model.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScalarFormatsTest {

  @Test
  void byteSizes_binaryUnits() {
    assertThat(ByteSizes.parse("512m")).isEqualTo(536870912L);
    assertThat(ByteSizes.parse("1gb")).isEqualTo(1073741824L);
    assertThat(ByteSizes.parse("1.5g")).isEqualTo(1610612736L);
    assertThat(ByteSizes.parse("2048KiB")).isEqualTo(2097152L);
    assertThat(ByteSizes.parse("-1")).isEqualTo(-1L);
    assertThat(ByteSizes.parse(1024L)).isEqualTo(1024L);
    assertThatThrownBy(() -> ByteSizes.parse("12x")).hasMessage("invalid size: '12x'");
  }

  @Test
  void ports_shortForms() {
    assertThat(PortSpecs.parse("8080:80")).containsExactly(port(null, 80, "8080", "tcp"));
    assertThat(PortSpecs.parse("3000")).containsExactly(port(null, 3000, null, "tcp"));
    assertThat(PortSpecs.parse("127.0.0.1:8001:8001/udp"))
        .containsExactly(port("127.0.0.1", 8001, "8001", "udp"));
    assertThat(PortSpecs.parse("[::1]:6001:6001"))
        .containsExactly(port("::1", 6001, "6001", "tcp"));
    assertThat(PortSpecs.parse("::1:6000:6000")).containsExactly(port("::1", 6000, "6000", "tcp"));
  }

  @Test
  void ports_ranges_expandPerContainerPort() {
    assertThat(PortSpecs.parse("8000-8001:80-81"))
        .containsExactly(port(null, 80, "8000", "tcp"), port(null, 81, "8001", "tcp"));
    assertThat(PortSpecs.parse("8000-9000:80")).containsExactly(port(null, 80, "8000-9000", "tcp"));
    // keys sort as strings ("10000/tcp" < "9999/tcp"), as nat.ParsePortSpecs + sort.Strings do
    assertThat(PortSpecs.parse("9999-10000"))
        .extracting(m -> m.get("target"))
        .containsExactly(10000L, 9999L);
  }

  @Test
  void ports_invalid_namesThePart() {
    assertThatThrownBy(() -> PortSpecs.parse("80800:80")).hasMessage("invalid hostPort: 80800");
    assertThatThrownBy(() -> PortSpecs.parse("8000-8002:80-81"))
        .hasMessageContaining("invalid ranges");
    assertThatThrownBy(() -> PortSpecs.parse("80/xyz")).hasMessage("invalid proto: xyz");
    assertThatThrownBy(() -> PortSpecs.parse("a.b.c.d:80:80"))
        .hasMessage("invalid IP address: a.b.c.d");
  }

  @Test
  void volumes_shortForms() {
    assertThat(VolumeSpecs.parse("/data"))
        .containsEntry("type", "volume")
        .doesNotContainKey("source");
    assertThat(VolumeSpecs.parse("data:/data:ro"))
        .containsEntry("source", "data")
        .containsEntry("read_only", true);
    assertThat(VolumeSpecs.parse("./src:/app:z").get("bind"))
        .isEqualTo(java.util.Map.of("selinux", "z"));
    assertThat(VolumeSpecs.parse("${SRC:-./x}:/app"))
        .containsEntry("source", "${SRC:-./x}")
        .containsEntry("type", "volume");
    assertThatThrownBy(() -> VolumeSpecs.parse("a::b"))
        .hasMessageContaining("empty section between colons");
  }

  private static java.util.Map<String, Object> port(
      String ip, long target, String published, String proto) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("mode", "ingress");
    if (ip != null) {
      m.put("host_ip", ip);
    }
    m.put("target", target);
    if (published != null) {
      m.put("published", published);
    }
    m.put("protocol", proto);
    return m;
  }
}
