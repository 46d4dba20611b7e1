package dev.jcompose.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageReferenceTest {
  private static final String DIGEST = "sha256:" + "ab".repeat(32);

  @Test
  void parse_officialImage_addsLibraryAndLatest() {
    assertThat(ImageReference.parse("postgres").toString())
        .isEqualTo("docker.io/library/postgres:latest");
  }

  @Test
  void parse_userRepository_keepsUserOnHub() {
    ImageReference ref = ImageReference.parse("user/app:1.2");
    assertThat(ref.domain()).isEqualTo("docker.io");
    assertThat(ref.path()).isEqualTo("user/app");
    assertThat(ref.tag()).isEqualTo("1.2");
  }

  @Test
  void parse_hostWithPort_isRegistry() {
    ImageReference ref = ImageReference.parse("127.0.0.1:5000/x/y:dev");
    assertThat(ref.domain()).isEqualTo("127.0.0.1:5000");
    assertThat(ref.path()).isEqualTo("x/y");
    assertThat(ref.familiarRepository()).isEqualTo("127.0.0.1:5000/x/y");
  }

  @Test
  void parse_localhost_isRegistry() {
    assertThat(ImageReference.parse("localhost/app").domain()).isEqualTo("localhost");
  }

  @Test
  void parse_digestOnly_hasNoTag() {
    ImageReference ref = ImageReference.parse("busybox@" + DIGEST);
    assertThat(ref.tag()).isNull();
    assertThat(ref.manifestReference()).isEqualTo(DIGEST);
    assertThat(ref.toString()).isEqualTo("docker.io/library/busybox@" + DIGEST);
  }

  @Test
  void parse_tagAndDigest_asksForDigest() {
    ImageReference ref = ImageReference.parse("redis:7@" + DIGEST);
    assertThat(ref.tag()).isEqualTo("7");
    assertThat(ref.manifestReference()).isEqualTo(DIGEST);
  }

  @Test
  void parse_legacyHubHost_becomesDockerIo() {
    assertThat(ImageReference.parse("index.docker.io/nginx").toString())
        .isEqualTo("docker.io/library/nginx:latest");
  }

  @Test
  void familiarRepository_officialImage_dropsLibrary() {
    assertThat(ImageReference.parse("docker.io/library/busybox").familiarRepository())
        .isEqualTo("busybox");
  }

  @Test
  void parse_uppercasePath_isInvalid() {
    assertThatThrownBy(() -> ImageReference.parse("user/App"))
        .isInstanceOf(ContainerException.class)
        .hasMessageContaining("user/App");
  }

  @Test
  void parse_badDigest_isInvalid() {
    assertThatThrownBy(() -> ImageReference.parse("busybox@sha256:zz"))
        .hasMessageContaining("bad digest");
  }

  @Test
  void parse_empty_isInvalid() {
    assertThatThrownBy(() -> ImageReference.parse(" ")).isInstanceOf(ContainerException.class);
  }
}
