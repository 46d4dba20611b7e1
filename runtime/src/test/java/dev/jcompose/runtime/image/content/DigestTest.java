package dev.jcompose.runtime.image.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DigestTest {

  @Test
  void newSha256_matchesJdkOnOffsetsAndLargeInputs() {
    byte[] data = new byte[(1 << 18) + 12345];
    new Random(42).nextBytes(data);
    MessageDigest fast = Digest.newSha256();
    MessageDigest jdk = Digest.jdkSha256();
    fast.update(data, 7, data.length - 7);
    fast.update((byte) 1);
    jdk.update(data, 7, data.length - 7);
    jdk.update((byte) 1);
    assertThat(fast.digest()).isEqualTo(jdk.digest());
    // reusable after digest()
    fast.update("abc".getBytes(StandardCharsets.US_ASCII));
    assertThat(Digest.fromHash(fast.digest()).hex())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void parse_nonSha256_isRefused() {
    assertThatThrownBy(() -> Digest.parse("md5:abc")).hasMessageContaining("only sha256");
    assertThatThrownBy(() -> Digest.parse("sha256:../../etc"))
        .hasMessageContaining("invalid sha256");
  }
}
