package dev.jcompose.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * skopeo, the independent reader and writer of images the scenarios check jcompose's archives and
 * registry pushes against: its stdout, after asserting that it succeeded (stderr in the message).
 */
final class Skopeo {
  private Skopeo() {}

  static String run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("timeout", "120", "skopeo", "--insecure-policy"));
    cmd.addAll(List.of(args));
    Path err = Files.createTempFile("jcompose-skopeo-", ".err");
    try {
      Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(130, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue())
          .as("skopeo " + String.join(" ", args) + ": " + Files.readString(err))
          .isZero();
      return out;
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
