package dev.jcompose.scheduler.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpRunnerTest {
  @Test
  void pullDetail_dropsTheMissingLayer_andShortensDigests() {
    assertThat(UpRunner.pullDetail("Resolving", null)).isEqualTo("Resolving");
    assertThat(UpRunner.pullDetail("Pulled sha256:abc", null)).isEqualTo("Pulled sha256:abc");
    assertThat(
            UpRunner.pullDetail(
                "Downloading",
                "sha256:a2abf6c4d29d43a4bf9fbb769f524d0fb36a2edab49819c1bf3e76f409f953ea"))
        .isEqualTo("Downloading a2abf6c4d29d");
  }
}
