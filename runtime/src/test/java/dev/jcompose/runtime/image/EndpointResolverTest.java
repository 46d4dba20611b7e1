package dev.jcompose.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.runtime.api.ImageReference;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointResolverTest {

  @Test
  void endpoints_hubImageWithMirror_triesMirrorFirst() {
    RegistryConfig config =
        RegistryConfig.load(
            Map.of(
                "JCOMPOSE_REGISTRY_MIRRORS",
                "http://127.0.0.1:5000",
                "JCOMPOSE_CONFIG",
                "/nonexistent"));
    List<RegistryEndpoint> endpoints =
        new EndpointResolver(config).endpoints(ImageReference.parse("busybox"));
    assertThat(endpoints).hasSize(2);
    assertThat(endpoints.get(0).base()).isEqualTo(URI.create("http://127.0.0.1:5000"));
    assertThat(endpoints.get(0).mirror()).isTrue();
    assertThat(endpoints.get(1).base().getScheme()).isEqualTo("https");
  }

  @Test
  void endpoints_loopbackRegistry_usesPlainHttp() {
    EndpointResolver resolver = new EndpointResolver(RegistryConfig.of(List.of(), null));
    assertThat(resolver.endpoints(ImageReference.parse("127.0.0.5:5000/a")).get(0).base())
        .isEqualTo(URI.create("http://127.0.0.5:5000"));
    assertThat(
            resolver.endpoints(ImageReference.parse("localhost:5000/a")).get(0).base().getScheme())
        .isEqualTo("http");
    assertThat(resolver.endpoints(ImageReference.parse("[::1]:5000/a")).get(0).base().getScheme())
        .isEqualTo("http");
  }

  @Test
  void endpoints_remoteRegistry_usesHttpsUnlessInsecure(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(
        file,
        "{\"insecure-registries\":[\"reg.test:5000\"],\"registry-mirrors\":[\"https://mirror.test\"]}");
    RegistryConfig config = RegistryConfig.load(Map.of("JCOMPOSE_CONFIG", file.toString()));
    EndpointResolver resolver = new EndpointResolver(config);
    assertThat(
            resolver.endpoints(ImageReference.parse("reg.test:5000/a")).get(0).base().getScheme())
        .isEqualTo("http");
    assertThat(resolver.endpoints(ImageReference.parse("other.test/a")).get(0).base().getScheme())
        .isEqualTo("https");
    assertThat(config.mirrors()).containsExactly(URI.create("https://mirror.test"));
  }
}
