package dev.jcompose.runtime.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.runtime.api.ContainerException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestSelectorTest {
  private static final byte[] INDEX =
      """
      {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
        {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":1,"platform":{"os":"linux","architecture":"arm","variant":"v7"}},
        {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":1,"platform":{"os":"linux","architecture":"arm64","variant":"v8"}},
        {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":1,"platform":{"os":"linux","architecture":"amd64"}},
        {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":1,"platform":{"os":"unknown","architecture":"unknown"}}
      ]}"""
          .formatted("1".repeat(64), "2".repeat(64), "3".repeat(64), "4".repeat(64))
          .getBytes(StandardCharsets.UTF_8);

  @Test
  void select_amd64_picksAmd64() {
    assertThat(
            new ManifestSelector(new Platform("linux", "amd64", null)).select(INDEX).digest().hex())
        .isEqualTo("3".repeat(64));
  }

  @Test
  void select_arm64v8_picksExactVariant() {
    assertThat(
            new ManifestSelector(new Platform("linux", "arm64", "v8")).select(INDEX).digest().hex())
        .isEqualTo("2".repeat(64));
  }

  @Test
  void select_entryWithoutVariant_matchesWantedVariant() {
    byte[] index =
        """
        {"manifests":[{"mediaType":"application/vnd.docker.distribution.manifest.v2+json","digest":"sha256:%s","size":1,
          "platform":{"os":"linux","architecture":"arm64"}}]}"""
            .formatted("5".repeat(64))
            .getBytes(StandardCharsets.UTF_8);
    assertThat(
            new ManifestSelector(new Platform("linux", "arm64", "v8")).select(index).digest().hex())
        .isEqualTo("5".repeat(64));
  }

  @Test
  void select_missingPlatform_namesOfferedPlatforms() {
    assertThatThrownBy(
            () -> new ManifestSelector(new Platform("linux", "s390x", null)).select(INDEX))
        .isInstanceOf(ContainerException.class)
        .hasMessageContaining("linux/s390x")
        .hasMessageContaining("linux/arm/v7, linux/arm64/v8, linux/amd64");
  }

  @Test
  void manifest_schema1_isRefused() {
    assertThatThrownBy(
            () -> ImageManifest.parse("{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("unsupported image manifest");
  }
}
